import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

@Suite("Embedded central database shared by several stations")
struct CentralSharingTests {
    /// Two independent pools stand for two station processes: their write transactions
    /// (BEGIN IMMEDIATE, busy timeout) queue up instead of failing with SQLITE_BUSY.
    @Test func concurrentWritersFromSeparateConnectionsAllSucceed() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("central.sqlite")
        try CentralDatabase.create(at: path, officeName: "O", clock: testClock).close()
        let first = try CentralDatabase.open(at: path, clock: testClock)
        let second = try CentralDatabase.open(at: path, clock: testClock)
        func register(_ central: CentralDatabase, prefix: String) async throws {
            for index in 0..<100 {
                try central.registerStation(StationConfig(
                    officeName: "O", stationID: "\(prefix)-\(index)", kind: .display, counter: nil,
                    central: .sqlite(path: path)))
            }
        }
        async let a: Void = Task.detached { try await register(first, prefix: "a") }.value
        async let b: Void = Task.detached { try await register(second, prefix: "b") }.value
        _ = try await (a, b)
        #expect(try first.stations().count == 200)
        let journal = try await first.reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        let synchronous = try await first.reader.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(journal == "wal")
        #expect(synchronous == 2) // FULL
        try first.close()
        try second.close()
    }

    @Test func centralWritesBeginImmediately() throws {
        let dir = try TemporaryDirectory()
        let central = try CentralDatabase.create(at: dir.file("central.sqlite"), officeName: "O", clock: testClock)
        let statements = StatementLog()
        central.writer.writeWithoutTransaction { db in
            db.trace { event in statements.append(String(describing: event)) }
        }
        try central.registerStation(StationConfig(officeName: "O", stationID: "s", kind: .manager, counter: nil,
                                                  central: .sqlite(path: central.path)))
        let begins = statements.all.filter { $0.hasPrefix("BEGIN") }
        #expect(!begins.isEmpty)
        #expect(begins.allSatisfy { $0 == "BEGIN IMMEDIATE TRANSACTION" })
        try central.close()
    }
}
