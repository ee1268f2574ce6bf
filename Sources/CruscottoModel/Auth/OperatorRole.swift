/// What an operator may do. An operator can hold several roles.
public enum OperatorRole: String, CaseIterable, Sendable, Codable, Comparable {
    case reception
    case counter
    case cie
    case cieSecurity = "cie_security"
    case backoffice
    case manager
    case trainer
    case administrator

    public var label: String {
        switch self {
        case .reception: "accoglienza"
        case .counter: "operatore polifunzionale"
        case .cie: "operatore CIE"
        case .cieSecurity: "security officer CIE"
        case .backoffice: "back office"
        case .manager: "responsabile"
        case .trainer: "formatore"
        case .administrator: "amministratore"
        }
    }

    public static func < (lhs: OperatorRole, rhs: OperatorRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Roles as stored: raw values joined by commas, in a fixed order.
    public static func encode(_ roles: Set<OperatorRole>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Reads the stored form; unknown names (from a newer program) are skipped.
    public static func decode(_ text: String) -> Set<OperatorRole> {
        Set(text.split(separator: ",").compactMap { OperatorRole(rawValue: String($0)) })
    }
}
