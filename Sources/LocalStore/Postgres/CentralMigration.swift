/// One named, versioned migration of the PostgreSQL central schema. Never edited after it
/// lands: a changed text is detected by its checksum and refused.
public struct CentralMigration: Sendable {
    public var version: Int
    public var name: String
    public var sql: String
    public var sha256: String
}
