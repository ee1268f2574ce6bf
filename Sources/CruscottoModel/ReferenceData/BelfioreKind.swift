/// Whether a Belfiore code names an Italian comune or a foreign state (Z codes).
public enum BelfioreKind: String, Sendable, Hashable, Codable {
    case comune
    case stato
}
