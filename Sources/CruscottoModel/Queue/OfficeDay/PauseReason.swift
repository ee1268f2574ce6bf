/// Why a counter is paused. A locked screen is an automatic pause.
public enum PauseReason: Hashable, Codable, Sendable {
    case screenLocked
    case rest
    case backOffice
    case phone
    case other(String)

    public var italianText: String {
        switch self {
        case .screenLocked: "schermo bloccato"
        case .rest: "pausa"
        case .backOffice: "attività di back office"
        case .phone: "telefonata"
        case let .other(text): text
        }
    }

    public var isAutomatic: Bool { self == .screenLocked }
}
