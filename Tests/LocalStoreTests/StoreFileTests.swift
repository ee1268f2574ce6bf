import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite("Local store files")
struct StoreFileTests {
    @Test func migratesAnEmptyStoreToTheCurrentVersion() throws {
        let dir = try TemporaryDirectory()
        let store = try AppDatabase.create(at: dir.file("store.sqlite"), clock: testClock)
        #expect(try store.schemaVersion() == AppDatabase.identity.supportedVersion)
        let tables = try store.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["audit_access", "operator_cache", "outbox", "schema_version", "session_event", "station"] {
            #expect(tables.contains(table))
        }
        let appID = try store.reader.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(appID == AppDatabase.applicationID)
        try store.close()
    }

    @Test func reopeningAPopulatedStoreKeepsItsRows() throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let store = try AppDatabase.open(at: home.storePath, clock: testClock)
        try store.recordSessionEvent(.login, operator: "mrossi")
        try store.recordSessionEvent(.lock, operator: "mrossi")
        try store.close()

        let reopened = try AppDatabase.open(at: home.storePath, clock: testClock)
        let events = try reopened.sessionEvents(onLocalDay: "2026-11-30")
        #expect(events.map(\.kind) == ["login", "lock"])
        #expect(try reopened.schemaVersion() == AppDatabase.identity.supportedVersion)
        #expect(try reopened.stationIdentity()?.id == "sportello-1")
        try reopened.close()
    }

    @Test func aNewerSchemaIsRefusedAndLeftUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        try AppDatabase.create(at: path, clock: testClock).close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO schema_version VALUES (99, 'from-the-future', '2030-01-01T00:00:00Z')")
        }
        try queue.close()
        let before = fileBytes(path)

        #expect(throws: StoreError.newerSchema(path: path, found: 99, supported: AppDatabase.identity.supportedVersion)) {
            try AppDatabase.open(at: path, clock: testClock)
        }
        #expect(fileBytes(path) == before)
    }

    @Test func randomBytesAreRefusedAndLeftUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        var generator = SystemRandomNumberGenerator()
        let junk = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try junk.write(to: URL(fileURLWithPath: path))

        #expect(throws: StoreError.notADatabase(path: path)) { try AppDatabase.open(at: path) }
        #expect(fileBytes(path) == junk)
        #expect(!SecureFiles.exists(path + "-wal"))
    }

    @Test func aForeignSQLiteFileIsRefusedAndLeftUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('tortelli')")
        }
        try queue.close()
        let before = fileBytes(path)

        #expect(throws: StoreError.foreignDatabase(path: path, expected: AppDatabase.identity.name)) {
            try AppDatabase.open(at: path)
        }
        #expect(fileBytes(path) == before)
    }

    @Test func aLocalStoreIsNotACentralDatabase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        try AppDatabase.create(at: path).close()
        #expect(throws: StoreError.foreignDatabase(path: path, expected: CentralDatabase.identity.name)) {
            try CentralDatabase.open(at: path)
        }
    }

    @Test func storeFilesArePrivate() throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let store = try AppDatabase.open(at: home.storePath, clock: testClock)
        try store.recordSessionEvent(.login, operator: "mrossi")
        // While the pool is open the -wal and -shm files exist.
        for path in [home.storePath, home.storePath + "-wal", home.storePath + "-shm",
                     home.defaultCentralPath, home.configPath] {
            #expect(SecureFiles.mode(of: path) == 0o600, "\(path)")
        }
        #expect(SecureFiles.mode(of: home.path) == 0o700)
        try store.close()
    }

    @Test func theCentralDatabaseFilesArePrivateToo() throws {
        let dir = try TemporaryDirectory()
        let central = try CentralDatabase.create(at: dir.file("central.sqlite"), officeName: "Comune di Prova", clock: testClock)
        try central.registerStation(StationConfig(officeName: "x", stationID: "totem", kind: .totem, counter: nil,
                                                  central: .sqlite(path: central.path)))
        for suffix in ["", "-wal", "-shm"] {
            #expect(SecureFiles.mode(of: central.path + suffix) == 0o600)
        }
        #expect(try central.office()?.name == "Comune di Prova")
        #expect(try central.counters().map(\.number) == [1, 2, 3, 4])
        try central.close()
    }
}
