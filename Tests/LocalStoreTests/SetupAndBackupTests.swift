import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite("Init, backup and restore")
struct SetupAndBackupTests {
    @Test func initTwiceIsRefusedAndForceKeepsTheCentralDatabase() async throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        #expect(throws: StoreError.alreadyInitialized(home: home.path)) {
            try StationSetup(officeName: "Altro", kind: .counter, counter: 2).run(in: home, clock: testClock)
        }
        let central = try CentralDatabase.open(at: home.defaultCentralPath, clock: testClock)
        try await central.addOperator(OperatorAccount(username: "mrossi", fullName: "Mario Rossi", roles: [.counter]),
                                      password: "sportello-2026", hasher: fastHasher)
        try central.close()

        let outcome = try StationSetup(stationID: "cie-1", kind: .cie, counter: 2, force: true).run(in: home, clock: testClock)
        #expect(!outcome.createdCentral)
        #expect(outcome.cachedOperators == 1)
        #expect(outcome.config.officeName == "Comune di Prova")
        let config = try StationConfig.load(from: home)
        #expect(config.stationID == "cie-1")
        #expect(config.counter == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasPrefix(".init-") }
        #expect(leftovers.isEmpty)
        let stations = try CentralDatabase.open(at: home.defaultCentralPath).stations().map(\.id)
        #expect(stations == ["cie-1", "sportello-1"])
    }

    @Test func anExistingHomeFolderIsMadePrivate() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.home.path, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        _ = try makeStation(dir)
        #expect(SecureFiles.mode(of: dir.home.path) == 0o700)
    }

    @Test func forceIsRefusedWhileASessionHoldsTheStation() throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let before = fileBytes(home.configPath)
        let lock = try StationLock.acquire(home)
        #expect(throws: StoreError.stationBusy(home: home.path)) {
            try StationSetup(stationID: "other", kind: .manager, force: true).run(in: home, clock: testClock)
        }
        lock.release()
        #expect(fileBytes(home.configPath) == before)
    }

    @Test func aSecondStationJoinsASharedCentralDatabase() throws {
        let dir = try TemporaryDirectory()
        let first = try makeStation(dir, office: "Comune di Piacenza")
        let second = StationHome(path: dir.file("home2"))
        let outcome = try StationSetup(stationID: "totem", kind: .totem,
                                       central: .sqlite(path: first.defaultCentralPath)).run(in: second, clock: testClock)
        #expect(!outcome.createdCentral)
        #expect(outcome.config.officeName == "Comune di Piacenza")
        #expect(!SecureFiles.exists(second.defaultCentralPath))
    }

    @Test func aFailedInitLeavesNothingBehind() throws {
        let dir = try TemporaryDirectory()
        let home = StationHome(path: dir.file("home"))
        let foreign = dir.file("not-central.sqlite")
        try Data("hello".utf8).write(to: URL(fileURLWithPath: foreign))
        #expect(throws: StoreError.notADatabase(path: foreign)) {
            try StationSetup(central: .sqlite(path: foreign)).run(in: home, clock: testClock)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
        #expect(fileBytes(foreign) == Data("hello".utf8))
    }

    @Test func anUnwritableHomeIsAnEnvironmentError() throws {
        let dir = try TemporaryDirectory()
        let blocker = dir.file("a-file")
        try Data().write(to: URL(fileURLWithPath: blocker))
        let error = try #require(throws: StoreError.self) {
            try StationSetup().run(in: StationHome(path: blocker + "/home"), clock: testClock)
        }
        guard case .unwritable = error else { Issue.record("unexpected \(error)"); return }
    }

    @Test func backupWhileAnotherConnectionWritesThenRestore() async throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let writerStore = try AppDatabase.open(at: home.storePath, clock: testClock)
        for _ in 0..<50 { try writerStore.recordSessionEvent(.lock, operator: "mrossi") }

        let writing = Task.detached {
            for _ in 0..<300 { try writerStore.recordSessionEvent(.unlock, operator: "mrossi") }
        }
        let destination = dir.file("backup.sqlite")
        let written = try StationBackup.backup(home: home, to: destination)
        try await writing.value
        #expect(written == [destination, destination + StationBackup.centralSuffix])
        #expect(SecureFiles.mode(of: destination) == 0o600)
        #expect(SecureFiles.mode(of: destination + StationBackup.centralSuffix) == 0o600)

        // The copy is a store at the current version whose rows are a consistent prefix.
        #expect(try AppDatabase.identity.inspect(path: destination) == .store(version: AppDatabase.identity.supportedVersion))
        let backupRows = try rows(destination)
        #expect(backupRows.count >= 50)
        #expect(try outboxCount(destination) == backupRows.count)
        #expect(try writerStore.recentSessionEvents(limit: 1000).count == 350)
        try writerStore.close()

        #expect(throws: StoreError.self) { try StationBackup.backup(home: home, to: destination) }

        try StationBackup.restore(home: home, from: destination, includeCentral: true)
        #expect(try rows(home.storePath) == backupRows)
        #expect(try rows(home.storePath + StationBackup.previousSuffix).count == 350)
        #expect(SecureFiles.mode(of: home.storePath + StationBackup.previousSuffix) == 0o600)
    }

    @Test func restoreRefusesForeignNewerAndOtherStationsFiles() throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let store = try AppDatabase.open(at: home.storePath, clock: testClock)
        try store.recordSessionEvent(.login, operator: "mrossi")
        try store.close()
        let before = try rows(home.storePath)

        let junk = dir.file("junk")
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: junk))
        #expect(throws: StoreError.notADatabase(path: junk)) {
            try StationBackup.restore(home: home, from: junk, includeCentral: false)
        }

        let newer = dir.file("newer.sqlite")
        try StationBackup.backup(home: home, to: newer)
        try DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "INSERT INTO schema_version VALUES (42, 'future', 'x')")
        }
        #expect(throws: StoreError.newerSchema(path: newer, found: 42, supported: AppDatabase.identity.supportedVersion)) {
            try StationBackup.restore(home: home, from: newer, includeCentral: false)
        }

        let otherDir = try TemporaryDirectory()
        let other = try makeStation(otherDir)
        let otherStore = try AppDatabase.open(at: other.storePath)
        try otherStore.saveStationIdentity(StationConfig(officeName: "O", stationID: "sportello-9", kind: .counter, counter: 9,
                                                         central: .sqlite(path: other.defaultCentralPath)))
        try otherStore.close()
        let otherBackup = dir.file("other.sqlite")
        try StationBackup.backup(home: other, to: otherBackup)
        #expect(throws: StoreError.stationMismatch(backup: "sportello-9", configured: "sportello-1")) {
            try StationBackup.restore(home: home, from: otherBackup, includeCentral: false)
        }
        #expect(try rows(home.storePath) == before)
    }

    @Test func restoreIsRefusedWhileASessionHoldsTheStation() throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let backup = dir.file("b.sqlite")
        try StationBackup.backup(home: home, to: backup)
        let lock = try StationLock.acquire(home)
        #expect(SecureFiles.mode(of: home.lockPath) == 0o600)
        #expect(throws: StoreError.stationBusy(home: home.path)) {
            try StationBackup.restore(home: home, from: backup, includeCentral: false)
        }
        lock.release()
        try StationBackup.restore(home: home, from: backup, includeCentral: false)
    }

    private func outboxCount(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox") ?? -1 }
    }

    private func rows(_ path: String) throws -> [[String]] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, operator, at FROM session_event ORDER BY id").map { row in
                [String(row["id"] as Int64), row["kind"], row["operator"], row["at"]]
            }
        }
    }
}
