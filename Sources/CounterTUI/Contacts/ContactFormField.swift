import CruscottoModel

/// One line of the edit form: the registry field it fills and the text typed.
public struct ContactFormField: Hashable, Sendable {
    public var field: ContactField
    public var editor: TextEditor

    public init(_ field: ContactField, _ text: String) {
        self.field = field
        self.editor = TextEditor(text, maxLength: field == .notes ? 500 : 100)
    }

    /// The short label of the form (the registry's labels are for messages).
    public var label: String {
        switch field {
        case .fiscalCode: "Codice fiscale"
        case .surname: "Cognome"
        case .name: "Nome"
        case .sex: "Sesso (M/F)"
        case .birthDate: "Nato il"
        case .birthPlace: "Luogo di nascita"
        case .citizenship: "Cittadinanza"
        case .street: "Indirizzo"
        case .streetNumber: "Civico"
        case .cap: "CAP"
        case .comune: "Comune"
        case .province: "Provincia"
        case .phones: "Telefoni"
        case .emails: "E-mail"
        case .preferredChannel: "Canale preferito"
        case .consentPrivacy: "Informativa privacy"
        case .consentSMS: "Avvisi SMS"
        case .consentEmail: "Avvisi e-mail"
        case .documentKind: "Documento visto"
        case .documentNumber: "Numero documento"
        case .documentIssuer: "Rilasciato da"
        case .documentExpiry: "Scadenza documento"
        case .notes: "Note"
        }
    }

    /// The order of the form: identity first, then address, contacts, consents, document.
    public static let order: [ContactField] = [
        .surname, .name, .fiscalCode, .sex, .birthDate, .birthPlace, .citizenship,
        .street, .streetNumber, .cap, .comune, .province,
        .phones, .emails, .preferredChannel,
        .consentPrivacy, .consentSMS, .consentEmail,
        .documentKind, .documentNumber, .documentIssuer, .documentExpiry, .notes,
    ]

    /// The text a field shows for a draft (phones and e-mails comma-separated).
    public static func text(of field: ContactField, in draft: ContactDraft) -> String {
        switch field {
        case .fiscalCode: draft.fiscalCode
        case .surname: draft.surname
        case .name: draft.name
        case .sex: draft.sex
        case .birthDate: draft.birthDate
        case .birthPlace: draft.birthPlace
        case .citizenship: draft.citizenship
        case .street: draft.street
        case .streetNumber: draft.streetNumber
        case .cap: draft.cap
        case .comune: draft.comune
        case .province: draft.province
        case .phones: draft.phones.joined(separator: ", ")
        case .emails: draft.emails.joined(separator: ", ")
        case .preferredChannel: draft.preferredChannel
        case .consentPrivacy: draft.consentPrivacy
        case .consentSMS: draft.consentSMS
        case .consentEmail: draft.consentEmail
        case .documentKind: draft.documentKind
        case .documentNumber: draft.documentNumber
        case .documentIssuer: draft.documentIssuer
        case .documentExpiry: draft.documentExpiry
        case .notes: draft.notes
        }
    }
}
