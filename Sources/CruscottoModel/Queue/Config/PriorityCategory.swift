/// A category of citizens with priority access (disabilità, gravidanza, over 75…).
public struct PriorityCategory: Hashable, Codable, Sendable, Identifiable {
    public var code: String
    public var name: String

    public var id: String { code }

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public static let defaults: [PriorityCategory] = [
        PriorityCategory(code: "disabilita", name: "disabilità"),
        PriorityCategory(code: "gravidanza", name: "gravidanza"),
        PriorityCategory(code: "over75", name: "over 75"),
        PriorityCategory(code: "appuntamento", name: "appuntamento"),
    ]
}
