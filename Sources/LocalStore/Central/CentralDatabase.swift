import CruscottoModel
import Foundation
import GRDB

/// The office's embedded central database: one SQLite file (WAL) that several station
/// processes on the host share. Writes use `BEGIN IMMEDIATE` (GRDB's default for a writer
/// connection), so a transaction never fails half-way on a lock upgrade; waits for the
/// lock last up to 15 s, in short randomized steps (`CentralBusyWait`); `synchronous = FULL` because it is the office's source of truth.
public struct CentralDatabase: Sendable {
    public static let identity = SchemaIdentity(
        applicationID: applicationID, name: "un database centrale",
        supportedVersion: CentralDatabase.migrations.steps.count)
    /// Counters a new office starts with.
    public static let defaultCounterCount = 4

    let writer: any DatabaseWriter
    public let clock: any Clock
    public let path: String

    /// Opens an existing central database, migrating it forward if it is older. Refuses
    /// (untouched) a file that is not one, or one newer than this program.
    public static func open(at path: String, clock: any Clock = SystemClock()) throws -> CentralDatabase {
        guard SecureFiles.exists(path) else {
            throw StoreError.centralUnavailable(path: path, reason: "il file non esiste")
        }
        let inspection = try identity.inspect(path: path)
        let central = try CentralDatabase(writer: makePool(path), clock: clock, path: path)
        if inspection == .empty { try central.createDefaultOffice(named: StationSetup.defaultOfficeName) }
        return central
    }

    /// Creates a new central database with its default office (the name given) and four
    /// numbered counters.
    public static func create(at path: String, officeName: String, clock: any Clock = SystemClock()) throws -> CentralDatabase {
        guard !SecureFiles.exists(path) else { throw StoreError.invalid("\(path) esiste già") }
        try SecureFiles.makeDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try SecureFiles.createPrivateFile(path)
        let central = try CentralDatabase(writer: makePool(path), clock: clock, path: path)
        try central.createDefaultOffice(named: officeName)
        return central
    }

    init(writer: any DatabaseWriter, clock: any Clock, path: String) throws {
        self.writer = writer
        self.clock = clock
        self.path = path
        do {
            try Self.migrations.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw StoreError.centralUnavailable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    public var reader: any DatabaseReader { writer }

    public func close() throws {
        if let pool = writer as? DatabasePool { try pool.close() }
    }

    public func schemaVersion() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_version") ?? 0 }
    }

    static func makePool(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "central"
        // SQLite's lock is not fair between processes: wait long rather than fail, retrying
        // in short steps (CentralBusyWait) so no process sleeps while the lock is free.
        CentralBusyWait.install(on: &configuration)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError.centralUnavailable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    private func createDefaultOffice(named name: String) throws {
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            guard try OfficeRecord.fetchCount(db) == 0 else { return }
            let office = OfficeRecord(id: nil, name: name, createdAt: now)
            try office.insert(db)
            let officeID = db.lastInsertedRowID
            for number in 1...Self.defaultCounterCount {
                try CounterRecord(number: number, officeID: officeID, label: nil).insert(db)
            }
            // The queue's default services, profiles and counter profiles (DefaultQueueOffice).
            try CentralQueueConfiguration.installDefaultIfMissing(db)
        }
    }

    /// The office this database serves.
    public func office() throws -> OfficeRecord? {
        try writer.read { db in try OfficeRecord.order(Column("id")).fetchOne(db) }
    }

    /// The office's counters by number.
    public func counters() throws -> [CounterRecord] {
        try writer.read { db in try CounterRecord.order(Column("number")).fetchAll(db) }
    }
}
