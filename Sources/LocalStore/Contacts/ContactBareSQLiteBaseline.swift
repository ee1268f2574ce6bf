import CruscottoModel
import Foundation
import GRDB
import GRDBSQLite

/// The benchmark's baseline: the same rows written to the same tables, ending with the same
/// indexes, with nothing but SQLite's C API (prepared statements, one transaction, secondary
/// indexes created after the load) and values computed beforehand, outside the timing.
/// What the store's import costs beyond it is the registry's own work (identities, outbox,
/// audit, key derivation).
public enum ContactBareSQLiteBaseline {
    /// One contact's values, ready to bind.
    public struct Row: Sendable {
        let values: [String?]
        let nameKeys: [String]
        let keysText: String
        let phoneKeys: [String]
        let emailKeys: [String]
    }

    /// Values of a contact as the store writes them (computed before the timing starts).
    public static func row(_ details: ContactDetails, id: ContactID, identity: String, at instant: String, by user: String) -> Row {
        var values: [String?] = [id.rawValue]
        values += ContactColumns.detailValues(details).map { $0 as? String }
        values += [identity, instant, user, instant, user, nil]
        let keys = ContactColumns.nameKeys(details)
        return Row(values: values, nameKeys: keys.split(separator: " ").map(String.init), keysText: keys,
                   phoneKeys: details.phones.map(\.reversedDigitsKey), emailKeys: details.emails.map(\.searchKey))
    }

    /// A connection on a new file with the store's tables (no secondary index yet) and the
    /// store's settings (WAL, synchronous FULL, the bulk import's cache size).
    public final class Loader {
        private let queue: DatabaseQueue
        private var statements: [OpaquePointer] = []

        public init(path: String) throws {
            var configuration = Configuration()
            // The load is one transaction spanning several calls, as a C program would hold it.
            configuration.allowsUnsafeTransactions = true
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -131072")
                try db.execute(sql: ContactSchema.tablesSQL)
            }
        }

        /// Opens the transaction and prepares the statements.
        public func begin() throws {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                for sql in [ContactColumns.insertSQL,
                            "INSERT OR IGNORE INTO contact_name_key (key, contact_seq, keys) VALUES (?, ?, ?)",
                            "INSERT OR IGNORE INTO contact_phone_key (reversed, contact_seq) VALUES (?, ?)",
                            "INSERT OR IGNORE INTO contact_email_key (key, contact_seq) VALUES (?, ?)"] {
                    var statement: OpaquePointer?
                    guard sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                        throw DatabaseError(message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    statements.append(statement)
                }
            }
        }

        /// Inserts rows inside the open transaction.
        public func insert(_ rows: ArraySlice<Row>) throws {
            try queue.writeWithoutTransaction { db in
                let connection = db.sqliteConnection
                let contact = statements[0], name = statements[1], phone = statements[2], email = statements[3]
                for row in rows {
                    for (index, value) in row.values.enumerated() {
                        bind(contact, Int32(index + 1), value)
                    }
                    try step(contact, connection)
                    let seq = sqlite3_last_insert_rowid(connection)
                    for key in row.nameKeys {
                        bind(name, 1, key); sqlite3_bind_int64(name, 2, seq); bind(name, 3, row.keysText)
                        try step(name, connection)
                    }
                    for key in row.phoneKeys {
                        bind(phone, 1, key); sqlite3_bind_int64(phone, 2, seq)
                        try step(phone, connection)
                    }
                    for key in row.emailKeys {
                        bind(email, 1, key); sqlite3_bind_int64(email, 2, seq)
                        try step(email, connection)
                    }
                }
            }
        }

        /// Builds the secondary indexes and commits.
        public func finish() throws {
            try queue.writeWithoutTransaction { db in
                for statement in statements { sqlite3_finalize(statement) }
                statements.removeAll()
                try db.execute(sql: ContactSchema.indexesSQL)
                try db.execute(sql: "COMMIT")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }

        public func close() throws { try queue.close() }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        private func bind(_ statement: OpaquePointer, _ index: Int32, _ value: String?) {
            guard let value else { sqlite3_bind_null(statement, index); return }
            var text = value
            text.withUTF8 { bytes in
                _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), Self.transient)
            }
        }

        private func step(_ statement: OpaquePointer, _ connection: OpaquePointer?) throws {
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else {
                throw DatabaseError(message: String(cString: sqlite3_errmsg(connection)))
            }
        }
    }
}
