import Foundation

/// What the central registry must learn about a change to a contact: the payload of the
/// outbox event the store appends in the same transaction as the change.
///
/// The event type names and `payloadVersion` are a contract with the central side: a
/// change of shape is a new version, never an edit of this one.
public enum ContactEvent: Hashable, Sendable {
    /// A new contact (typed at a counter or imported).
    case created(Contact)
    /// New details of an existing contact, with who changed them and when.
    case updated(id: ContactID, details: ContactDetails, by: String, at: Date)
    /// The person was served: moves them up in search results.
    case visited(id: ContactID, at: Date)

    public static let payloadVersion = 1

    /// The outbox `type` column.
    public var type: String {
        switch self {
        case .created: "contact.created"
        case .updated: "contact.updated"
        case .visited: "contact.visited"
        }
    }

    public var contactID: ContactID {
        switch self {
        case .created(let contact): contact.id
        case .updated(let id, _, _, _), .visited(let id, _): id
        }
    }

    /// The outbox `payload`: JSON with sorted keys and ISO-8601 UTC instants with
    /// milliseconds, so the same change always gives the same bytes.
    public func payload() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            // Milliseconds truncated, as the store keeps the instant: the formatter rounds, and
            // the registry would hold an instant one millisecond later than the station's row.
            let millis = (date.timeIntervalSince1970 * 1000).rounded(.down)
            try container.encode(Self.formatter(fractional: true).string(from: Date(timeIntervalSince1970: (millis + 0.25) / 1000)))
        }
        switch self {
        case .created(let contact):
            return try encoder.encode(contact)
        case .updated(let id, let details, let by, let at):
            return try encoder.encode(UpdatePayload(id: id, details: details, updatedBy: by, updatedAt: at))
        case .visited(let id, let at):
            return try encoder.encode(VisitPayload(id: id, visitedAt: at))
        }
    }

    /// Reads back a payload of a known type and version; nil for a type this version does
    /// not know (the caller dead-letters it rather than guessing).
    public static func decode(type: String, version: Int, payload: Data) throws -> ContactEvent? {
        guard version == payloadVersion else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Self.formatter(fractional: true).date(from: text) ?? Self.formatter(fractional: false).date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 instant: \(text)")
            }
            return date
        }
        switch type {
        case "contact.created":
            return .created(try decoder.decode(Contact.self, from: payload))
        case "contact.updated":
            let body = try decoder.decode(UpdatePayload.self, from: payload)
            return .updated(id: body.id, details: body.details, by: body.updatedBy, at: body.updatedAt)
        case "contact.visited":
            let body = try decoder.decode(VisitPayload.self, from: payload)
            return .visited(id: body.id, at: body.visitedAt)
        default:
            return nil
        }
    }

    private static func formatter(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }

    private struct UpdatePayload: Codable {
        var id: ContactID
        var details: ContactDetails
        var updatedBy: String
        var updatedAt: Date
    }

    private struct VisitPayload: Codable {
        var id: ContactID
        var visitedAt: Date
    }
}
