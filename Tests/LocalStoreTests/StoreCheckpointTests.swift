import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// The store's WAL checkpoints run off the commit path, the WAL stays bounded, and nothing
/// written is lost whoever copies the WAL into the file.
@Suite struct StoreCheckpointTests {
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }

    /// Commits of `pages` pages of 4 KiB rows, one transaction each.
    static func write(_ store: AppDatabase, pages: Int, from first: Int) throws {
        let blob = String(repeating: "x", count: 3_900)
        for i in first..<(first + pages) {
            try store.write { db in try db.execute(sql: "INSERT INTO filler (id, body) VALUES (?, ?)", arguments: [i, blob]) }
        }
    }

    /// A store on a new file with its checkpointer, the filler table created and checkpointed.
    static func store(_ directory: TemporaryDirectory, hardPages: Int32) throws -> (AppDatabase, WALCheckpointer, String) {
        let path = directory.file("store.sqlite")
        try SecureFiles.createPrivateFile(path)
        let checkpointer = WALCheckpointer(path: path, softPages: 50, hardPages: hardPages)
        let store = try AppDatabase.opened(path, clock: testClock, checkpointer: checkpointer)
        try store.write { db in try db.execute(sql: "CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)") }
        // Whatever the migrations left in the WAL goes to the file before the measure.
        try store.checkpoint()
        checkpointer.waitIdle()
        return (store, checkpointer, path)
    }

    @Test func checkpointsRunOffTheCommitPath() throws {
        let directory = try TemporaryDirectory()
        let (store, checkpointer, path) = try Self.store(directory, hardPages: 1_000_000)
        // Past the soft bound with the background checkpoint held: no commit copied the WAL
        // into the file.
        checkpointer.hold()
        let before = Self.fileSize(path)
        try Self.write(store, pages: 120, from: 0)
        #expect(Self.fileSize(path) == before)
        // Released, the checkpoint runs on its own connection and the file gets the pages.
        checkpointer.release()
        checkpointer.waitIdle()
        #expect(Self.fileSize(path) > before + 100 * 4_096)
        try store.close()
        let reopened = try AppDatabase.open(at: path)
        defer { try? reopened.close() }
        #expect(try reopened.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 120)
    }

    @Test func pastTheHardBoundTheWriterCheckpointsItself() throws {
        let directory = try TemporaryDirectory()
        let (store, checkpointer, path) = try Self.store(directory, hardPages: 300)
        checkpointer.hold()
        let before = Self.fileSize(path)
        try Self.write(store, pages: 400, from: 0)
        #expect(Self.fileSize(path) > before + 250 * 4_096)
        checkpointer.release()
        try store.close()
        let reopened = try AppDatabase.open(at: path)
        defer { try? reopened.close() }
        #expect(try reopened.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 400)
    }

    @Test(arguments: [AppDatabase.Checkpoints.offCommitPath, .inCommit])
    func outboxEventsWrittenPastManyCheckpointsAreAllKept(checkpoints: AppDatabase.Checkpoints) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("store.sqlite")
        let store = try AppDatabase.create(at: path, clock: testClock, checkpoints: checkpoints)
        let payload = String(repeating: "p", count: 3_000)
        for i in 0..<1_500 {
            try store.write { db in
                try OutboxEvent.append(db, type: "prova", payloadVersion: 1, payload: ["n": "\(i)", "p": payload],
                                       at: testInstant)
            }
        }
        try store.close()
        let reopened = try AppDatabase.open(at: path)
        defer { try? reopened.close() }
        #expect(try reopened.outboxCount() == 1_500)
        #expect(try reopened.pendingOutbox(limit: 1).first?.payload.contains("\"n\":\"0\"") == true)
    }
}
