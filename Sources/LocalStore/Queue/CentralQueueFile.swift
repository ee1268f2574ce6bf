import CruscottoModel
import Foundation
import GRDB

/// Opens the embedded central SQLite file for the queue with the settings the office
/// host's processes share: WAL, `synchronous = FULL`, a 15 s busy timeout (SQLite's lock is
/// not fair between processes: wait long rather than fail, in short steps, see
/// `CentralBusyWait`), `BEGIN IMMEDIATE` writes.
public enum CentralQueueFile {
    public static let busyTimeoutSeconds: TimeInterval = 15

    /// The backend on the file at `path`, created with its default office when missing.
    public static func openBackend(path: String, clock: any Clock) throws -> SQLiteQueueBackend {
        let pool = try openPool(path: path)
        return try SQLiteQueueBackend(writer: pool, clock: clock)
    }

    public static func openPool(path: String) throws -> DatabasePool {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw QueueBackendError.unavailable(reason: "la cartella \(directory) non esiste")
        }
        if !FileManager.default.fileExists(atPath: path) {
            // The office's data: readable by its owner only.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var configuration = Configuration()
        configuration.label = "central-queue"
        CentralBusyWait.install(on: &configuration, timeout: busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
            return pool
        } catch let error as DatabaseError {
            throw QueueBackendError.unavailable(reason: "\(path): \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// The office and counter tables the queue builds on, then the queue's own steps.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-office-counters") { db in
            try db.execute(sql: """
                CREATE TABLE office (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE counter (number INTEGER PRIMARY KEY, office_id INTEGER NOT NULL REFERENCES office(id), label TEXT);
                INSERT INTO office (name, created_at) VALUES ('Ufficio', '1970-01-01T00:00:00Z');
                """)
        }
        CentralQueueSchema.registerMigrations(in: &migrator)
        return migrator
    }
}
