/// What a station is used for. It decides which mode the program starts in and whether the
/// station is bound to a numbered counter.
public enum StationKind: String, CaseIterable, Sendable, Codable {
    case counter
    case cie
    case security
    case backoffice
    case manager
    case totem
    case display
    case training

    /// Counter and CIE stations serve the public at a numbered counter.
    public var needsCounter: Bool {
        switch self {
        case .counter, .cie: true
        default: false
        }
    }

    /// The Italian name shown to operators.
    public var label: String {
        switch self {
        case .counter: "sportello polifunzionale"
        case .cie: "sportello CIE"
        case .security: "security officer CIE"
        case .backoffice: "back office"
        case .manager: "responsabile"
        case .totem: "totem eliminacode"
        case .display: "tabellone sala d'attesa"
        case .training: "formazione"
        }
    }
}
