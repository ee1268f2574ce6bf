/// An opening interval in local time, `[start, end)` in minutes from local midnight.
/// Encoded as text, `"08:30-12:30"`, so that configuration files stay readable.
public struct OpeningInterval: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let startMinute: Int
    public let endMinute: Int

    public init?(startMinute: Int, endMinute: Int) {
        guard startMinute >= 0, endMinute <= 24 * 60, startMinute < endMinute else { return nil }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Parses `H:MM-H:MM` (or `HH:MM–HH:MM` with an en dash).
    public init?(parsing text: String) {
        let normalized = text.replacingOccurrences(of: "–", with: "-")
            .trimmingCharacters(in: .whitespaces)
        let parts = normalized.split(separator: "-")
        guard parts.count == 2,
              let start = OpeningInterval.minute(of: String(parts[0])),
              let end = OpeningInterval.minute(of: String(parts[1]))
        else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    public func contains(minute: Int) -> Bool { minute >= startMinute && minute < endMinute }

    /// `8:30–12:30`, as written in Italian notices.
    public var italianText: String {
        "\(OpeningInterval.clockText(startMinute))–\(OpeningInterval.clockText(endMinute))"
    }

    /// `08:30-12:30`, the encoded form.
    public var description: String {
        func padded(_ m: Int) -> String {
            "\(String(m / 60).leftPadded(to: 2)):\(String(m % 60).leftPadded(to: 2))"
        }
        return "\(padded(startMinute))-\(padded(endMinute))"
    }

    public static func < (lhs: OpeningInterval, rhs: OpeningInterval) -> Bool {
        (lhs.startMinute, lhs.endMinute) < (rhs.startMinute, rhs.endMinute)
    }

    static func clockText(_ minute: Int) -> String {
        "\(minute / 60):\(String(minute % 60).leftPadded(to: 2))"
    }

    private static func minute(of text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let interval = OpeningInterval(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Orario non valido: \(text)")
        }
        self = interval
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
