/// What kind of interaction a `contact_history` row records.
public enum ContactHistoryKind: String, CaseIterable, Sendable, Codable {
    case ticket
    case intake
    case certificate
    case handoff
    case notification
    case phoneCall = "phone_call"
    case note

    /// Kinds in which the person came to the office: they set `lastVisitAt`, which ranks
    /// search results. Notifications, phone calls and notes do not.
    public var isVisit: Bool {
        switch self {
        case .ticket, .intake, .certificate, .handoff: true
        case .notification, .phoneCall, .note: false
        }
    }

    public var label: String {
        switch self {
        case .ticket: "biglietto"
        case .intake: "istanza"
        case .certificate: "certificato"
        case .handoff: "passaggio al back office"
        case .notification: "avviso"
        case .phoneCall: "telefonata"
        case .note: "nota"
        }
    }
}
