import Foundation

/// Identity of a person in the registry.
///
/// A lower-case UUID string rather than an `Int64` row id: contacts are created on many
/// stations, offline too, and merged into one central registry, so the id must be unique
/// without asking anybody. A GRDB record stores it in a `TEXT PRIMARY KEY` column; the
/// store keeps SQLite's implicit integer rowid for the FTS5 `content_rowid` only.
public struct ContactID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts any UUID spelling and keeps the canonical lower-case form.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.rawValue = uuid.uuidString.lowercased()
    }

    public init(_ uuid: UUID) {
        self.rawValue = uuid.uuidString.lowercased()
    }

    public var description: String { rawValue }

    public static func < (lhs: ContactID, rhs: ContactID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ContactID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UUID: \(text)")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
