import CruscottoModel

/// The edit form of a contact (or of a new one): the fields as typed, the errors and warnings
/// of the last check, and the dialog on top, if any. The draft lives here until it is saved
/// or the operator confirms dropping it.
public struct ContactEditState: Hashable, Sendable {
    public enum Dialog: Hashable, Sendable {
        /// F12 on an edited draft: drop it?
        case confirmDiscard
        /// Warnings to confirm before saving.
        case confirmWarnings([ContactWarning])
        /// Probable duplicates found on save: merge one, or save anyway.
        case duplicates([ContactDuplicate], selected: Int)
        /// F4: the values a field takes.
        case values(ContactField, [ContactValueOption], selected: Int)
    }

    /// nil for a new contact.
    public var id: ContactID?
    public var fields: [ContactFormField]
    /// The documents already recorded (kept: the form adds or replaces one).
    public var otherDocuments: [IdentityDocument]
    public var original: [String]
    public var focus = 0
    public var errors: [ContactField: String] = [:]
    public var warnings: [ContactWarning] = []
    public var warningsConfirmed = false
    public var dialog: Dialog?
    public var saving = false

    public init(id: ContactID?, draft: ContactDraft) {
        self.id = id
        self.fields = ContactFormField.order.map { ContactFormField($0, ContactFormField.text(of: $0, in: draft)) }
        self.otherDocuments = draft.otherDocuments
        self.original = fields.map(\.editor.text)
    }

    public var isEdited: Bool { fields.map(\.editor.text) != original }

    public var focusedField: ContactField { fields[focus].field }

    public func text(_ field: ContactField) -> String {
        fields.first { $0.field == field }?.editor.text ?? ""
    }

    public mutating func setText(_ field: ContactField, _ text: String) {
        guard let index = fields.firstIndex(where: { $0.field == field }) else { return }
        fields[index].editor.setText(text)
    }

    /// The draft as typed (phones and e-mails split at commas and semicolons).
    public var draft: ContactDraft {
        var draft = ContactDraft()
        for item in fields {
            let text = item.editor.text
            switch item.field {
            case .phones, .emails:
                for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    draft.set(item.field, to: String(part))
                }
            default:
                draft.set(item.field, to: text)
            }
        }
        draft.otherDocuments = otherDocuments
        draft.warningsConfirmed = warningsConfirmed
        return draft
    }

    /// Checks the draft as it is typed: errors by field and warnings (the codice fiscale
    /// differences among them) are shown at once, before any save.
    public mutating func check(today: CivilDate) {
        let validation = draft.validated(today: today)
        errors = validation.errors
        warnings = validation.warnings
    }

    /// The line under the form about the codice fiscale: its problem, its differences from
    /// the personal data, or that it agrees.
    public var fiscalCodeLine: (text: String, style: Style)? {
        if let problem = errors[.fiscalCode] { return ("Codice fiscale: \(problem).", .error) }
        for warning in warnings {
            if case .fiscalCodeMismatch = warning { return (warning.message, .warning) }
        }
        guard !text(.fiscalCode).trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return ("Codice fiscale corretto e coerente con i dati anagrafici.", .ok)
    }
}
