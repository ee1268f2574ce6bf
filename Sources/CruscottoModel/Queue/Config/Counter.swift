/// A numbered counter (sportello) of the office, with an optional label and its profile.
public struct Counter: Hashable, Codable, Sendable, Identifiable {
    public var number: Int
    public var label: String?
    /// Code of the counter profile; nil for a counter that cannot call tickets yet.
    public var profileCode: String?

    public var id: Int { number }

    enum CodingKeys: String, CodingKey {
        case number, label
        case profileCode = "profile"
    }

    public init(number: Int, label: String? = nil, profileCode: String?) {
        self.number = number
        self.label = label
        self.profileCode = profileCode
    }

    /// `Sportello 3` or `Sportello 3 (CIE)`.
    public var italianName: String {
        if let label, !label.isEmpty { return "Sportello \(number) (\(label))" }
        return "Sportello \(number)"
    }
}
