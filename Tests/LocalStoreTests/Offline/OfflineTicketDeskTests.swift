import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// The station's offline queue: tickets from its reserved blocks, issued, called and closed
/// with no central database at all, each step in the outbox in the same transaction, and
/// recorded once by the central side however many times it is pushed.
@Suite struct OfflineTicketDeskTests {
    static let config = ContractFixture.configuration()
    static let start = ContractFixture.rome("2026-11-30 10:42")

    static func desk(clock: any Clock, blockSize: Int = 3) throws -> OfflineTicketDesk {
        let desk = OfflineTicketDesk(store: try AppDatabase.inMemory(clock: clock), station: "sportello-3")
        try desk.saveConfiguration(config)
        try desk.saveBlock(OfflineTicketBlock(station: "sportello-3", prefix: "A", day: LocalDay(containing: start),
                                              first: 701, last: 701 + blockSize - 1))
        return desk
    }

    static func events(_ store: AppDatabase) throws -> [String] {
        try store.pendingOutbox(limit: 100).map { event in
            let object = try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any]
            return "\(event.type) \(object?["event"] as? String ?? "?") \(object?["number"] as? String ?? "?")"
        }
    }

    @Test func withoutAConfigurationNothingIsIssued() throws {
        let desk = OfflineTicketDesk(store: try AppDatabase.inMemory(clock: MovingClock(Self.start)), station: "sportello-3")
        #expect(throws: OfflineQueueError.noConfiguration) { try desk.issue(IssueRequest(serviceCode: "ANA")) }
        #expect(try desk.store.outboxCount() == 0)
    }

    @Test func issueCallCloseEachWithItsOutboxEvent() throws {
        let clock = MovingClock(Self.start)
        let desk = try Self.desk(clock: clock)
        let issued = try desk.issue(IssueRequest(serviceCode: "ANA", counter: 3, operatorID: "mario.bianchi"))
        #expect(issued.displayNumber == "A-701")
        #expect(issued.isOffline && issued.state == .waiting && issued.peopleAheadAtIssue == 0)
        let second = try desk.issue(IssueRequest(serviceCode: "ANA", priority: "over75"))
        #expect(second.displayNumber == "A-702" && second.peopleAheadAtIssue == 1)
        clock.advance(60)
        let claim = try #require(try desk.callNext(counter: 3, operatorID: "mario.bianchi"))
        // The priority ticket first (the interleave's first call of the day is a priority one).
        #expect(claim.ticket.displayNumber == "A-702" && claim.ticket.state == .called)
        // One ticket at a time.
        #expect(throws: QueueBackendError.self) { try desk.callNext(counter: 3, operatorID: "mario.bianchi") }
        #expect(try desk.held(counter: 3)?.id == claim.ticket.id)
        // A stale token is refused and writes nothing.
        let before = try desk.store.outboxCount()
        #expect(throws: QueueBackendError.self) {
            try desk.transition(ticketID: claim.ticket.id, token: FencingToken(0), action: .startService, counter: 3, operatorID: nil)
        }
        #expect(try desk.store.outboxCount() == before)
        _ = try desk.transition(ticketID: claim.ticket.id, token: claim.token, action: .startService, counter: 3, operatorID: "mario.bianchi")
        let closed = try desk.transition(ticketID: claim.ticket.id, token: claim.token,
                                         action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 3, operatorID: "mario.bianchi")
        #expect(closed.state == .done && closed.outcome == "servito")
        #expect(try desk.held(counter: 3) == nil)
        // The other one: called, recalled, no-show.
        let next = try #require(try desk.callNext(counter: 3, operatorID: "mario.bianchi"))
        #expect(next.ticket.displayNumber == "A-701" && next.token > claim.token)
        _ = try desk.transition(ticketID: next.ticket.id, token: next.token, action: .recall, counter: 3, operatorID: nil)
        let gone = try desk.transition(ticketID: next.ticket.id, token: next.token, action: .markNoShow, counter: 3, operatorID: nil)
        #expect(gone.state == .noShow)
        #expect(try desk.callNext(counter: 3, operatorID: nil) == nil)
        #expect(try Self.events(desk.store) == [
            "queue.offline_ticket issue A-701", "queue.offline_ticket issue A-702",
            "queue.offline_ticket call A-702", "queue.offline_ticket start_service A-702", "queue.offline_ticket close A-702",
            "queue.offline_ticket call A-701", "queue.offline_ticket recall A-701", "queue.offline_ticket no_show A-701",
        ])
        // Park and transfer need the central queue.
        _ = try desk.issue(IssueRequest(serviceCode: "ANA"))
        let third = try #require(try desk.callNext(counter: 3, operatorID: nil))
        #expect(throws: QueueBackendError.self) {
            try desk.transition(ticketID: third.ticket.id, token: third.token,
                                action: .transfer(serviceCode: "CIE", counter: nil, note: ""), counter: 3, operatorID: nil)
        }
    }

    @Test func exhaustedBlocksAreRefusedClearly() throws {
        let desk = try Self.desk(clock: MovingClock(Self.start), blockSize: 2)
        #expect(try desk.remaining() == ["A": 2])
        _ = try desk.issue(IssueRequest(serviceCode: "ANA"))
        _ = try desk.issue(IssueRequest(serviceCode: "ANA"))
        #expect(try desk.remaining() == ["A": 0])
        let outbox = try desk.store.outboxCount()
        do {
            _ = try desk.issue(IssueRequest(serviceCode: "ANA"))
            Issue.record("emesso oltre il blocco")
        } catch let error as OfflineQueueError {
            #expect(error.description.hasPrefix("numeri di riserva esauriti: nessun numero A (Anagrafe) per oggi"))
        }
        // No block at all for C.
        #expect(throws: OfflineQueueError.exhausted(prefix: "C", service: "Carta d'identità")) {
            try desk.issue(IssueRequest(serviceCode: "CIE"))
        }
        #expect(try desk.store.outboxCount() == outbox)
    }

    @Test func topUpReservesWhatIsMissingOnly() async throws {
        let clock = MovingClock(Self.start)
        let directory = try QueueTempDirectory()
        let backend = try await QueueFixture.backend(in: directory, config: Self.config, clock: clock)
        let desk = OfflineTicketDesk(store: try AppDatabase.inMemory(clock: clock), station: "sportello-3")
        let first = try await desk.topUp(from: backend, configuration: Self.config)
        #expect(first.map(\.prefix) == ["A", "C", "S"])
        #expect(first.allSatisfy { $0.first == 701 && $0.count == 50 })
        #expect(try desk.configuration() == Self.config)
        #expect(try await desk.topUp(from: backend, configuration: Self.config).isEmpty)
        for _ in 0..<41 { _ = try desk.issue(IssueRequest(serviceCode: "ANA")) }
        let again = try await desk.topUp(from: backend, configuration: Self.config)
        #expect(again.map(\.prefix) == ["A"])
        #expect(again.first?.first == 751 && again.first?.last == 800)
        #expect(try desk.remaining()["A"] == 59)
    }

    /// What the central side keeps of the offline tickets (their events, once each).
    static func recorded(_ central: any SyncCentral) async throws -> [String] {
        switch central {
        case let sqlite as SQLiteSyncCentral:
            return try await sqlite.central.reader.read { db in
                try String.fetchAll(db, sql: "SELECT payload FROM sync_station_event WHERE type = 'queue.offline_ticket' ORDER BY event_id")
            }.map(Self.summary)
        case let postgres as PostgresSyncCentral:
            let text = try await postgres.central.text("""
                SELECT coalesce(json_agg(payload::text ORDER BY event_id), '[]')::text FROM sportello.sync_station_event
                WHERE type = 'queue.offline_ticket'
                """)
            let payloads = try JSONSerialization.jsonObject(with: Data((text ?? "[]").utf8)) as? [String] ?? []
            return payloads.map(Self.summary)
        default:
            return []
        }
    }

    static func summary(_ payload: String) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any]
        return "\(object?["station"] as? String ?? "?") \(object?["event"] as? String ?? "?") \(object?["number"] as? String ?? "?")"
    }

    /// The block A 701–750 of sportello-3 as the central side reserved it (the central side
    /// writes an offline ticket only inside its station's blocks).
    static func reserveCentrally(_ central: any SyncCentral) async throws {
        switch central {
        case let sqlite as SQLiteSyncCentral:
            try await sqlite.central.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO queue_offline_block (local_day, prefix, first_seq, last_seq, station, reserved_at)
                    VALUES ('2026-11-30', 'A', 701, 750, 'sportello-3', '2026-11-30T09:00:00Z')
                    """)
            }
        case let postgres as PostgresSyncCentral:
            _ = try await postgres.central.text(
                "SELECT sportello.queue_offline_block_reserve('sportello-3', 'A', '2026-11-30', 50, now())::text")
        default:
            Issue.record("centrale sconosciuta")
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func pushedTwiceRecordedOnce(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "offline-push", clock: clock) { central in
            let station = try SyncTestStation("sportello-3", central: central, clock: clock)
            let desk = OfflineTicketDesk(store: station.store, station: "sportello-3")
            try desk.saveConfiguration(Self.config)
            try desk.saveBlock(OfflineTicketBlock(station: "sportello-3", prefix: "A", day: LocalDay(containing: Self.start), first: 701, last: 750))
            try await Self.reserveCentrally(central)
            _ = try desk.issue(IssueRequest(serviceCode: "ANA"))
            let claim = try #require(try desk.callNext(counter: 3, operatorID: "mario.bianchi"))
            _ = try desk.transition(ticketID: claim.ticket.id, token: claim.token,
                                    action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 3, operatorID: "mario.bianchi")
            let batch = try station.store.syncOutboxBatch(limit: 10)
            #expect(batch.count == 3)
            let versions = try station.versions
            #expect(try await central.push(batch, from: versions).map(\.outcome) == [.applied, .applied, .applied])
            // The answer was lost: the whole outbox goes again, and again.
            #expect(try await central.push(batch, from: versions).map(\.outcome) == [.duplicate, .duplicate, .duplicate])
            let report = try await station.engine.once()
            #expect(report.push.duplicates == 3)
            #expect(try station.store.outboxCount() == 0)
            #expect(try await Self.recorded(central).sorted() == ["sportello-3 call A-701", "sportello-3 close A-701", "sportello-3 issue A-701"])
        }
    }
}
