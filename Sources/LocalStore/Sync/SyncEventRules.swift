import Foundation

/// What the central side accepts, in the words of its refusals. The PostgreSQL functions
/// (`central/postgres/0003_sync.sql`) check the same fields in the same order and answer the
/// same Italian sentences, which the contract suite compares.
enum SyncEventRules {
    /// Required string fields of each type's payload, in the order they are checked; a name
    /// with a dot is inside an object field.
    static let requiredFields: [String: [String]] = [
        "contact.created": contactFields,
        "contact.updated": ["id", "updatedBy", "updatedAt", "details.surname", "details.name"],
        "contact.visited": ["id", "visitedAt"],
        "contact.merged": ["kept_id", "merged_id"],
        "contact.imported": ["import_id"],
        "contact.history": ["contact_id", "kind", "at"],
        "session.event": ["kind", "operator", "at"],
        "queue.offline_ticket": ["station", "event", "number", "day", "at"],
    ]
    static let contactFields = ["id", "createdAt", "createdBy", "updatedAt", "updatedBy", "details.surname", "details.name"]

    static func unknownType(_ type: String) -> String {
        "tipo di evento sconosciuto al database centrale: \(type)"
    }

    static func newerVersion(_ type: String, _ version: Int, known: Int) -> String {
        "\(type) versione \(version): il database centrale legge fino alla versione \(known)"
    }

    static func invalid(_ type: String, _ detail: String) -> String { "dati non validi in \(type): \(detail)" }
    static func unknownContact(_ id: String) -> String { "contatto sconosciuto al database centrale: \(id)" }
    static func existingContact(_ id: String) -> String { "contatto già presente nel database centrale: \(id)" }

    /// The refusal for an event's type and version, or nil when the central side reads it.
    static func versionRefusal(type: String, version: Int) -> String? {
        guard let known = SyncVersions.centralPayloadVersions[type] else { return unknownType(type) }
        if version > known || version < 1 { return newerVersion(type, version, known: known) }
        return nil
    }

    /// The payload as an object, or the refusal naming the first missing field.
    static func validated(type: String, payload: String) -> Result<[String: Any], SyncRefusal> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] else {
            return .failure(SyncRefusal(invalid(type, "non è un oggetto JSON")))
        }
        if let refusal = missingField(in: object, fields: requiredFields[type] ?? []) {
            return .failure(SyncRefusal(invalid(type, refusal)))
        }
        if type == "contact.imported" {
            guard let rows = object["rows"] as? [[String: Any]] else {
                return .failure(SyncRefusal(invalid(type, "manca il campo rows")))
            }
            for row in rows {
                if let refusal = missingField(in: row, fields: contactFields) { return .failure(SyncRefusal(invalid(type, refusal))) }
            }
        }
        return .success(object)
    }

    static func missingField(in object: [String: Any], fields: [String]) -> String? {
        for field in fields {
            let parts = field.split(separator: ".").map(String.init)
            var value: Any? = object[parts[0]]
            if parts.count == 2 { value = (value as? [String: Any])?[parts[1]] }
            guard let text = value as? String, !text.isEmpty else { return "manca il campo \(field)" }
        }
        return nil
    }
}

/// A refusal of one event (its reason goes to the station's dead letters).
struct SyncRefusal: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
