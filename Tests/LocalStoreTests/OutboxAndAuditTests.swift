import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite("Outbox and access audit")
struct OutboxAndAuditTests {
    struct Failure: Error {}

    @Test func aSessionEventAndItsOutboxEventCommitTogether() throws {
        let dir = try TemporaryDirectory()
        let store = try AppDatabase.open(at: try makeStation(dir).storePath, clock: testClock)
        try store.recordSessionEvent(.login, operator: "mrossi")
        let outbox = try store.pendingOutbox()
        #expect(outbox.map(\.type) == ["session.event"])
        #expect(outbox[0].payloadVersion == 1)
        #expect(outbox[0].payload == #"{"at":"2026-11-30T09:42:00.000Z","kind":"login","local_day":"2026-11-30","operator":"mrossi","station":"sportello-1"}"#)
        try store.close()
    }

    @Test func aRolledBackChangeLeavesNeitherRowNorEvent() throws {
        let dir = try TemporaryDirectory()
        let store = try AppDatabase.open(at: try makeStation(dir).storePath, clock: testClock)
        #expect(throws: Failure.self) {
            try store.write { db in
                _ = try AppDatabase.recordSessionEvent(db, .lock, operator: "mrossi", at: testInstant)
                try OutboxEvent.append(db, type: "test.other", payloadVersion: 1, payload: ["a": 1], at: testInstant)
                throw Failure()
            }
        }
        #expect(try store.recentSessionEvents().isEmpty)
        #expect(try store.outboxCount() == 0)

        try store.write { db in
            try OutboxEvent.append(db, type: "test.other", payloadVersion: 2, payload: ["a": 1], at: testInstant)
        }
        let events = try store.pendingOutbox()
        #expect(events.count == 1)
        try store.acknowledgeOutbox(ids: events.map(\.id))
        #expect(try store.outboxCount() == 0)
        try store.close()
    }

    @Test func outboxIdsAreVersion7UUIDsInTimeOrder() {
        let early = UUIDv7.make(at: Date(timeIntervalSince1970: 1_796_031_720))
        let late = UUIDv7.make(at: Date(timeIntervalSince1970: 1_796_031_721))
        #expect(early.uuidString.lowercased() < late.uuidString.lowercased())
        #expect(early.uuidString.dropFirst(14).first == "7")
        #expect("89AB".contains(early.uuidString.dropFirst(19).first!))
        #expect(early.uuidString.hasPrefix("01A22BD5-"))
    }

    @Test(arguments: [
        ("2026-11-30T22:59:59Z", "2026-11-30", 23),
        ("2026-11-30T23:00:00Z", "2026-12-01", 0),
        ("2026-07-01T21:59:00Z", "2026-07-01", 23),
        ("2026-07-01T22:00:00Z", "2026-07-02", 0),
    ])
    func officeDaysFollowRomeNotUTC(instant: String, day: String, hour: Int) throws {
        let date = try #require(StoredInstant.parse(instant))
        #expect(StoredInstant.day(date) == day)
        #expect(OfficeCalendar.rome.component(.hour, from: date) == hour)
    }

    @Test(arguments: [
        (1_796_031_720.0, "2026-11-30T09:42:00.000Z"),
        (1_796_031_720.1239, "2026-11-30T09:42:00.123Z"),
        (0.0, "1970-01-01T00:00:00.000Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
    ])
    func instantsAreStoredAsFixedWidthUTC(seconds: Double, text: String) throws {
        #expect(StoredInstant.iso(Date(timeIntervalSince1970: seconds)) == text)
        let parsed = try #require(StoredInstant.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - (seconds * 1000).rounded(.down) / 1000) < 0.0005)
    }

    @Test func accessesAreChainedAndAppendOnly() throws {
        let dir = try TemporaryDirectory()
        let store = try AppDatabase.open(at: try makeStation(dir).storePath, clock: testClock)
        let context = AccessContext(operatorUsername: "mrossi", stationID: "sportello-1", purpose: .service)
        try store.recordAccess(context, what: "contatto 42: lettura scheda")
        try store.recordAccess(context, what: "contatto 42: modifica telefono")
        let log = try store.accessLog()
        #expect(log.map(\.what) == ["contatto 42: lettura scheda", "contatto 42: modifica telefono"])
        #expect(log[1].previousHash == log[0].hash)
        #expect(log.allSatisfy { $0.purpose == "service" && $0.localDay == "2026-11-30" })
        #expect(try store.verifyAccessLog() == nil)

        #expect(throws: DatabaseError.self) {
            try store.write { db in try db.execute(sql: "UPDATE audit_access SET what = 'niente'") }
        }
        #expect(throws: DatabaseError.self) {
            try store.write { db in try db.execute(sql: "DELETE FROM audit_access") }
        }
        try store.close()
    }

    @Test func anEditedAuditRowBreaksTheChain() throws {
        let dir = try TemporaryDirectory()
        let store = try AppDatabase.open(at: try makeStation(dir).storePath, clock: testClock)
        let context = AccessContext(operatorUsername: "mrossi", stationID: "sportello-1", purpose: .audit)
        try store.recordAccess(context, what: "a")
        try store.recordAccess(context, what: "b")
        try store.write { db in
            try db.execute(sql: "DROP TRIGGER audit_access_no_update")
            try db.execute(sql: "UPDATE audit_access SET what = 'c' WHERE what = 'b'")
        }
        #expect(try store.verifyAccessLog() == 2)
        try store.close()
    }
}
