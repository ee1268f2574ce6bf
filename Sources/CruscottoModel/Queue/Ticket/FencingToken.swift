/// Proof that a counter holds a claimed ticket. The central side hands out strictly
/// increasing tokens (one sequence for the whole office); every transition of a claimed
/// ticket must carry the current one, so a counter acting on an old claim is refused.
public struct FencingToken: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: Int64

    public init(_ value: Int64) { self.value = value }

    public var description: String { String(value) }

    public static func < (lhs: FencingToken, rhs: FencingToken) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
