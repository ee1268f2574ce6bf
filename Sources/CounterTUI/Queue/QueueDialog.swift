import CruscottoModel

/// A small form over the cruscotto for a queue operation that needs more than a key: the
/// number to call, where to transfer, the outcome of a close, the reason of a pause, the
/// ticket the accoglienza issues, the confirmation of the office day's closing. Esc/F12
/// always closes it and nothing is sent.
public struct QueueDialog: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case callNumber, transfer, close, pause, issue
        /// The responsabile closes the office day: what will happen, then Enter confirms.
        case closeDay
        /// What the closing did (counts per service); Enter or Esc closes it.
        case dayClosed
    }

    public var kind: Kind
    public var fields: [QueueDialogField]
    public var focus = 0
    /// Lines of text under the fields (who is linked, what a closing will do, its counts).
    public var notes: [String]
    /// The registry search of the issue dialog (nil: no registry on this station).
    public var picker: ContactPicker?
    /// The close dialog also offers "chiudi e chiama il prossimo" (the call-next key): only
    /// with the central queue (not for an offline ticket, not while working offline or while
    /// offline tickets wait to be called first).
    public var offersCloseAndCall = false

    public init(kind: Kind, fields: [QueueDialogField], notes: [String] = [], picker: ContactPicker? = nil) {
        self.kind = kind
        self.fields = fields
        self.focus = 0
        self.notes = notes
        self.picker = picker
    }

    public static let contactLabel = "Cittadino"
    public static let phoneLabel = "Telefono"

    /// Index of the field with `label` (fields are found by label: some are optional).
    public func index(of label: String) -> Int? { fields.firstIndex { $0.label == label } }

    public func value(of label: String) -> String { index(of: label).map(value) ?? "" }

    /// The focused field is the issue dialog's citizen search.
    public var isOnContactField: Bool { picker != nil && focusedField?.label == Self.contactLabel }

    public var title: String {
        switch kind {
        case .callNumber: "Chiama un numero"
        case .transfer: "Trasferisci il biglietto"
        case .close: "Chiudi il biglietto"
        case .pause: "Pausa dello sportello"
        case .issue: "Emetti un biglietto"
        case .closeDay: "Chiudi la giornata dell'ufficio"
        case .dayClosed: "Giornata dell'ufficio chiusa"
        }
    }

    public var hint: String {
        switch kind {
        case .callNumber: "Invio chiama · Esc annulla"
        case .transfer: "Invio trasferisce · Esc annulla"
        case .close: offersCloseAndCall ? "Invio chiude · F2 chiude e chiama · Esc annulla" : "Invio chiude · Esc annulla"
        case .pause: "Invio mette in pausa · Esc annulla"
        case .issue: picker?.results.isEmpty == false && isOnContactField && picker?.picked == nil
            ? "Invio sceglie il cittadino · Esc annulla" : "Invio emette · Esc annulla"
        case .closeDay: "Invio chiude la giornata · Esc annulla"
        case .dayClosed: "Invio o Esc chiude"
        }
    }

    public func value(_ index: Int) -> String { fields.indices.contains(index) ? fields[index].value : "" }

    public var focusedField: QueueDialogField? { fields.indices.contains(focus) ? fields[focus] : nil }

    mutating func focusNext() {
        guard !fields.isEmpty else { return }
        focus = (focus + 1) % fields.count
    }

    mutating func focusPrevious() {
        guard !fields.isEmpty else { return }
        focus = (focus + fields.count - 1) % fields.count
    }

    mutating func withFocused<T>(_ change: (inout QueueDialogField) -> T) -> T? {
        guard fields.indices.contains(focus) else { return nil }
        return change(&fields[focus])
    }

    /// Replaces the text of a text field (the picked citizen's name, their phone).
    mutating func setText(_ label: String, _ text: String) {
        guard let index = index(of: label), case .text(var field) = fields[index] else { return }
        field.editor = TextEditor(String(text.prefix(field.editor.maxLength ?? text.count)), maxLength: field.editor.maxLength)
        field.error = nil
        fields[index] = .text(field)
    }

    /// Marks the field in error (reverse video) and focuses it.
    mutating func reject(field index: Int, _ reason: String) {
        guard fields.indices.contains(index), case .text(var field) = fields[index] else { return }
        field.error = reason
        fields[index] = .text(field)
        focus = index
    }

    // MARK: - The dialogs

    static func callNumber() -> QueueDialog {
        QueueDialog(kind: .callNumber, fields: [.text(FormField(label: "Numero", maxLength: 8))])
    }

    /// Other services first (the usual hand-over), then the other counters.
    static func transfer(from ticket: Ticket, configuration: QueueConfiguration, counter: Int) -> QueueDialog {
        var options = configuration.services.filter { $0.code != ticket.serviceCode }.map {
            QueueChoice(value: "service:\($0.code)", text: "\($0.prefix) \($0.name)")
        }
        options += configuration.counters.filter { $0.number != counter }.map {
            QueueChoice(value: "counter:\($0.number)", text: "Sportello \($0.number)" + ($0.label.map { " (\($0))" } ?? ""))
        }
        return QueueDialog(kind: .transfer, fields: [
            .choice(label: "Verso", options: options, selected: 0),
            .text(FormField(label: "Nota", maxLength: 120)),
        ])
    }

    /// Only the outcomes an operator may choose (the system ones have their own transitions).
    /// `citizen`: who the ticket is linked to (the history gets the visit), nil for nobody.
    static func close(configuration: QueueConfiguration, citizen: String?, offersCloseAndCall: Bool) -> QueueDialog {
        let outcomes = configuration.rules.outcomes.filter { $0.setBy == .operatorChoice }
        var dialog = QueueDialog(kind: .close, fields: [
            .choice(label: "Esito", options: outcomes.map { QueueChoice(value: $0.code, text: $0.name) }, selected: 0),
            .text(FormField(label: "Pratiche", maxLength: 200)),
        ], notes: [citizen.map { "Cittadino: \($0) (la visita va nel suo storico)" }
                   ?? "Cittadino: nessuno collegato (Maiusc-F5 cerca, poi F6 collega)"])
        dialog.offersCloseAndCall = offersCloseAndCall
        return dialog
    }

    static let pauseReasons: [(String, PauseReason)] = [("pausa", .rest), ("back_office", .backOffice), ("telefonata", .phone)]

    static func pause() -> QueueDialog {
        QueueDialog(kind: .pause, fields: [
            .choice(label: "Motivo", options: pauseReasons.map { QueueChoice(value: $0.0, text: $0.1.italianText) }, selected: 0),
        ])
    }

    /// `withContacts`: the station has a registry, so the citizen can be searched and linked.
    static func issue(configuration: QueueConfiguration, withContacts: Bool) -> QueueDialog {
        let services = configuration.services.map { QueueChoice(value: $0.code, text: "\($0.prefix) \($0.name)") }
        let priorities = [QueueChoice(value: "", text: "nessuna")]
            + configuration.priorities.map { QueueChoice(value: $0.code, text: $0.name) }
        var fields: [QueueDialogField] = [
            .choice(label: "Servizio", options: services, selected: 0),
            .choice(label: "Priorità", options: priorities, selected: 0),
        ]
        if withContacts { fields.append(.text(FormField(label: contactLabel, maxLength: 60))) }
        fields.append(.text(FormField(label: phoneLabel, maxLength: 20)))
        return QueueDialog(kind: .issue, fields: fields, picker: withContacts ? ContactPicker() : nil)
    }

    /// The picker's lines: the results for the typed text (the highlighted one marked), or
    /// the citizen picked.
    var pickerNotes: [String] {
        guard let picker else { return [] }
        if let picked = picker.picked {
            return ["Collegato a: " + Self.describe(picked)]
        }
        guard let answered = picker.answered, !answered.isEmpty else {
            return ["Cittadino: scrivere cognome, codice fiscale o telefono (facoltativo)"]
        }
        if picker.results.isEmpty { return ["Nessun contatto trovato per «\(answered)»"] }
        return picker.results.prefix(ContactPicker.shownResults).enumerated().map { index, row in
            (index == picker.selected ? "▸ " : "  ") + Self.describe(row)
        }
    }

    static func describe(_ row: ContactSearchRow) -> String {
        ([row.displayName, row.fiscalCode, row.birthDate?.italian] as [String?])
            .compactMap { $0 }.joined(separator: "  ")
    }
}
