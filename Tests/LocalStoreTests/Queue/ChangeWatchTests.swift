import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite("Central change watch (PRAGMA data_version)")
struct ChangeWatchTests {
    static func tempPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("central.sqlite").path
    }

    static func makeFile(_ path: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try pool.write { try $0.execute(sql: "CREATE TABLE IF NOT EXISTS t (x INTEGER)") }
        return pool
    }

    @Test func seesOtherConnectionsCommitsOnly() throws {
        let path = try Self.tempPath()
        let writer = try Self.makeFile(path)
        let watch = ChangeWatch(path: path)
        #expect(try watch.poll())
        #expect(try !watch.poll())
        try writer.write { try $0.execute(sql: "INSERT INTO t VALUES (1)") }
        #expect(try watch.poll())
        #expect(try !watch.poll())
        // A read by someone else is not a change.
        _ = try writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") }
        #expect(try !watch.poll())
    }

    @Test func failsWhileTheFileIsGoneAndRecoversWhenItIsBack() throws {
        let path = try Self.tempPath()
        var writer: DatabasePool? = try Self.makeFile(path)
        let watch = ChangeWatch(path: path)
        #expect(try watch.poll())
        try writer?.close()
        writer = nil
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        #expect(throws: (any Error).self) { try watch.poll() }
        // The file restored (another inode): the watch reopens and reports a change.
        let restored = try Self.makeFile(path)
        #expect(try watch.poll())
        try restored.write { try $0.execute(sql: "INSERT INTO t VALUES (2)") }
        #expect(try watch.poll())
    }
}
