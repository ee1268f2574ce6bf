import CruscottoModel
import Crypto
import Foundation
import GRDB

/// One access to a person's data: who, from where, why, what, when. Rows are append-only
/// and chained: each row's hash covers its fields and the previous row's hash, so a row
/// removed or edited later breaks the chain (`AppDatabase.verifyAccessLog()`).
public struct AccessAuditEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit_access"

    public var id: Int64?
    public var operatorUsername: String
    public var stationID: String
    public var purpose: String
    public var what: String
    public var at: String
    public var localDay: String
    public var previousHash: String
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case id, purpose, what, at, hash
        case operatorUsername = "operator"
        case stationID = "station"
        case localDay = "local_day"
        case previousHash = "previous_hash"
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
    }

    static let genesis = String(repeating: "0", count: 64)

    /// Writes the audit row inside the caller's transaction (the same one as the access).
    @discardableResult
    public static func record(_ db: Database, _ context: AccessContext, what: String, at instant: Date) throws -> AccessAuditEntry {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM audit_access ORDER BY id DESC LIMIT 1") ?? genesis
        var entry = AccessAuditEntry(
            id: nil, operatorUsername: context.operatorUsername, stationID: context.stationID,
            purpose: context.auditPurpose, what: what, at: StoredInstant.iso(instant),
            localDay: StoredInstant.day(instant), previousHash: previous, hash: "")
        entry.hash = entry.computedHash
        try entry.insert(db)
        entry.id = db.lastInsertedRowID
        return entry
    }

    var computedHash: String {
        let fields = [previousHash, operatorUsername, stationID, purpose, what, at, localDay]
        // Unit separator between fields: no field boundary can be moved without changing the hash.
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1f}").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
