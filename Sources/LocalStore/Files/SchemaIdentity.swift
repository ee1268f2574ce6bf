import Foundation
import GRDB

/// How a database file proves it is ours: the SQLite header, `PRAGMA application_id`, and a
/// `schema_version` table holding the number of the last migration applied. A file is
/// inspected read-only before anything is migrated, so a foreign or newer file is left
/// exactly as it was.
public struct SchemaIdentity: Sendable {
    /// The value of `PRAGMA application_id`.
    public let applicationID: Int32
    /// What the file is, in Italian ("l'archivio locale", "il database centrale").
    public let name: String
    /// The schema version this program writes (the number of its migrations).
    public let supportedVersion: Int

    /// What an existing file turned out to be.
    public enum Inspection: Sendable, Equatable {
        /// Ours, at this schema version (0 = created but never migrated).
        case store(version: Int)
        /// An empty SQLite database (size 0 or no tables): safe to initialize.
        case empty
    }

    /// Checks an existing file without writing to it. Throws `StoreError` when the file is
    /// not SQLite, not ours, or newer than this program.
    public func inspect(path: String) throws -> Inspection {
        // The file is never opened outside SQLite: closing any descriptor of a file drops every
        // POSIX lock this process holds on it, SQLite's included, and another process could then
        // believe it is the last one on the database and delete the WAL this process still
        // writes to. SQLite itself answers "not a database" for a foreign file.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw StoreError.missing(path: path)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError.unwritable(path: path, reason: "lettura non permessa")
        }
        if ((attributes[.size] as? NSNumber)?.intValue ?? 0) == 0 { return .empty }
        var configuration = Configuration()
        configuration.readonly = true
        // Another station may be writing the shared file: a read that meets its lock waits
        // instead of failing at once with "database is locked".
        configuration.busyMode = .timeout(15)
        configuration.label = "inspect"
        let result: (Int32, Int, Int?)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            result = try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                var version: Int?
                if try db.tableExists("schema_version") {
                    version = try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_version")
                }
                return (appID, tables, version)
            }
            try queue.close()
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw StoreError.notADatabase(path: path)
            }
            throw StoreError.unwritable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        let (appID, tables, version) = result
        if appID == 0 && tables == 0 { return .empty }
        guard appID == applicationID else {
            throw StoreError.foreignDatabase(path: path, expected: name)
        }
        let found = version ?? 0
        guard found <= supportedVersion else {
            throw StoreError.newerSchema(path: path, found: found, supported: supportedVersion)
        }
        return .store(version: found)
    }

    /// Marks a database as ours; called by the first migration.
    static func stamp(_ db: Database, applicationID: Int32) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.create(table: "schema_version") { t in
            t.primaryKey("version", .integer)
            t.column("migration", .text).notNull()
            t.column("applied_at", .text).notNull()
        }
    }

    /// Records that migration number `version` ran; called at the end of every migration.
    static func record(_ db: Database, version: Int, migration: String) throws {
        try db.execute(
            sql: "INSERT INTO schema_version (version, migration, applied_at) VALUES (?, ?, ?)",
            arguments: [version, migration, ISO8601DateFormatter().string(from: Date())])
    }
}
