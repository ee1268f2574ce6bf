import Foundation

/// What the header says about the central database. "In linea" only after an actual check.
public enum CentralState: Hashable, Sendable {
    /// No central database in use: the station works on its own store.
    case localOnly
    /// The central database answered a read at this instant.
    case online(checkedAt: Date)
    /// A central database is configured but the last check failed.
    case unreachable

    /// The header text.
    public var headerText: String {
        switch self {
        case .localOnly: "solo locale"
        case .online: "Centrale: in linea"
        case .unreachable: "Centrale: non raggiungibile"
        }
    }
}
