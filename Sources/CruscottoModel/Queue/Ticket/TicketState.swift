/// Where a ticket is in its life.
public enum TicketState: String, CaseIterable, Codable, Sendable {
    case waiting
    case called
    case serving
    /// Set aside while the citizen fetches a document; resumes at the head of its service.
    case parked
    /// Handed to another service or counter; waits there with its original arrival.
    case transferred
    case noShow = "no_show"
    case done
    case cancelled

    /// States a counter can call a ticket from.
    public var isCallable: Bool { self == .waiting || self == .parked || self == .transferred }
    /// States in which a counter holds the ticket and must show its token.
    public var isClaimed: Bool { self == .called || self == .serving }
    /// States that end the ticket (a no-show can still be re-activated for a while).
    public var isFinal: Bool { self == .done || self == .cancelled }

    /// The state as the end of a sentence about a ticket: "il biglietto A042 … è in attesa".
    public var italianCondition: String {
        switch self {
        case .waiting: "è in attesa"
        case .called: "è stato chiamato"
        case .serving: "è in servizio"
        case .parked: "è sospeso"
        case .transferred: "è stato trasferito"
        case .noShow: "è segnato come non presentato"
        case .done: "è concluso"
        case .cancelled: "è annullato"
        }
    }

    public var italianName: String {
        switch self {
        case .waiting: "in attesa"
        case .called: "chiamato"
        case .serving: "in servizio"
        case .parked: "sospeso"
        case .transferred: "trasferito"
        case .noShow: "non presentato"
        case .done: "concluso"
        case .cancelled: "annullato"
        }
    }
}
