import CruscottoModel

/// A small form over the cruscotto for a queue operation that needs more than a key: the
/// number to call, where to transfer, the outcome of a close, the reason of a pause, the
/// ticket the accoglienza issues. Esc/F12 always closes it and nothing is sent.
public struct QueueDialog: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case callNumber, transfer, close, pause, issue
    }

    public var kind: Kind
    public var fields: [QueueDialogField]
    public var focus = 0

    public init(kind: Kind, fields: [QueueDialogField]) {
        self.kind = kind
        self.fields = fields
        self.focus = 0
    }

    public var title: String {
        switch kind {
        case .callNumber: "Chiama un numero"
        case .transfer: "Trasferisci il biglietto"
        case .close: "Chiudi il biglietto"
        case .pause: "Pausa dello sportello"
        case .issue: "Emetti un biglietto"
        }
    }

    public var hint: String {
        switch kind {
        case .callNumber: "Invio chiama · Esc annulla"
        case .transfer: "Invio trasferisce · Esc annulla"
        case .close: "Invio chiude · Esc annulla"
        case .pause: "Invio mette in pausa · Esc annulla"
        case .issue: "Invio emette · Esc annulla"
        }
    }

    public func value(_ index: Int) -> String { fields.indices.contains(index) ? fields[index].value : "" }

    public var focusedField: QueueDialogField { fields[focus] }

    mutating func focusNext() { focus = (focus + 1) % fields.count }
    mutating func focusPrevious() { focus = (focus + fields.count - 1) % fields.count }

    mutating func withFocused<T>(_ change: (inout QueueDialogField) -> T) -> T {
        change(&fields[focus])
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
    static func close(configuration: QueueConfiguration) -> QueueDialog {
        let outcomes = configuration.rules.outcomes.filter { $0.setBy == .operatorChoice }
        return QueueDialog(kind: .close, fields: [
            .choice(label: "Esito", options: outcomes.map { QueueChoice(value: $0.code, text: $0.name) }, selected: 0),
            .text(FormField(label: "Pratiche", maxLength: 200)),
        ])
    }

    static let pauseReasons: [(String, PauseReason)] = [("pausa", .rest), ("back_office", .backOffice), ("telefonata", .phone)]

    static func pause() -> QueueDialog {
        QueueDialog(kind: .pause, fields: [
            .choice(label: "Motivo", options: pauseReasons.map { QueueChoice(value: $0.0, text: $0.1.italianText) }, selected: 0),
        ])
    }

    static func issue(configuration: QueueConfiguration) -> QueueDialog {
        let services = configuration.services.map { QueueChoice(value: $0.code, text: "\($0.prefix) \($0.name)") }
        let priorities = [QueueChoice(value: "", text: "nessuna")]
            + configuration.priorities.map { QueueChoice(value: $0.code, text: $0.name) }
        return QueueDialog(kind: .issue, fields: [
            .choice(label: "Servizio", options: services, selected: 0),
            .choice(label: "Priorità", options: priorities, selected: 0),
            .text(FormField(label: "Telefono", maxLength: 20)),
        ])
    }
}
