import CruscottoModel
import Foundation
import GRDB

/// A station's local store: one GRDB `DatabasePool` (WAL) and intent-named methods. Callers
/// never see SQL; every write is one transaction.
public struct AppDatabase: Sendable {
    public static let identity = SchemaIdentity(
        applicationID: applicationID, name: "un archivio locale",
        supportedVersion: AppDatabase.migrations.steps.count)

    let writer: any DatabaseWriter
    /// The source of "now" for every row this store writes.
    public let clock: any Clock
    /// The file, or nil for an in-memory store.
    public let path: String?
    /// Runs the WAL checkpoints off the commit path (nil: SQLite's own, in the commit).
    let checkpointer: WALCheckpointer?

    /// Where the WAL is copied into the database file.
    public enum Checkpoints: Sendable {
        /// By the writer, inside the commit that finds the WAL past 1,000 pages (SQLite's
        /// automatic checkpoint): the store's default, measured better here (docs/BENCHMARKS.md).
        case inCommit
        /// By a connection of its own, off the commit path, with the writer as the bound past
        /// 16,000 pages (`WALCheckpointer`).
        case offCommitPath
    }

    init(writer: any DatabaseWriter, clock: any Clock, path: String?, checkpointer: WALCheckpointer? = nil) throws {
        self.writer = writer
        self.clock = clock
        self.path = path
        self.checkpointer = checkpointer
        try Self.migrations.migrator.migrate(writer)
    }

    /// Opens an existing store (migrating it forward if it is older). A file that is not a
    /// store, or a store newer than this program, is refused and left untouched.
    public static func open(at path: String, clock: any Clock = SystemClock(),
                            checkpoints: Checkpoints = .inCommit) throws -> AppDatabase {
        guard SecureFiles.exists(path) else { throw StoreError.missing(path: path) }
        _ = try identity.inspect(path: path)
        return try opened(path, clock: clock, checkpoints: checkpoints)
    }

    /// Creates a new store at a path where no file exists (directory 0700, files 0600).
    public static func create(at path: String, clock: any Clock = SystemClock(),
                              checkpoints: Checkpoints = .inCommit) throws -> AppDatabase {
        guard !SecureFiles.exists(path) else { throw StoreError.invalid("\(path) esiste già") }
        try SecureFiles.makeDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try SecureFiles.createPrivateFile(path)
        return try opened(path, clock: clock, checkpoints: checkpoints)
    }

    private static func opened(_ path: String, clock: any Clock, checkpoints: Checkpoints) throws -> AppDatabase {
        try opened(path, clock: clock, checkpointer: checkpoints == .offCommitPath ? WALCheckpointer(path: path) : nil)
    }

    static func opened(_ path: String, clock: any Clock, checkpointer: WALCheckpointer?) throws -> AppDatabase {
        try AppDatabase(writer: makePool(path, checkpointer: checkpointer), clock: clock, path: path,
                        checkpointer: checkpointer)
    }

    /// An in-memory store for screen tests and previews.
    public static func inMemory(clock: any Clock = SystemClock()) throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: makeConfiguration()), clock: clock, path: nil)
    }

    /// Read access for reports and backups.
    public var reader: any DatabaseReader { writer }

    /// Closes the connections (before a file is moved or replaced).
    public func close() throws {
        checkpointer?.close()
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }

    /// The schema version the file is at.
    public func schemaVersion() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_version") ?? 0 }
    }

    static func makePool(_ path: String, checkpointer: WALCheckpointer? = nil) throws -> DatabasePool {
        do {
            return try DatabasePool(path: path, configuration: makeConfiguration(checkpointer: checkpointer))
        } catch let error as DatabaseError {
            throw StoreError.unwritable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    static func makeConfiguration(checkpointer: WALCheckpointer? = nil) -> Configuration {
        var configuration = Configuration()
        configuration.label = "store"
        // A command (backup, operator) may write while the cruscotto runs.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Outbox events must survive a power cut: a counter writes little, FULL costs little.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // The pool keeps this closure, and so the checkpointer, as long as its connections.
            checkpointer?.install(on: db)
        }
        return configuration
    }
}
