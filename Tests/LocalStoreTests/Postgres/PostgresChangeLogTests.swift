import CruscottoModel
import Foundation
import PostgresNIO
import Testing
@testable import LocalStore

/// The change log never skips a change that commits after a reader saw a later one.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresChangeLogTests {
    @Test func aChangeThatCommitsLateIsStillPulled() async throws {
        try await PostgresTestDatabase.with(suite: "changelog") { handle in
            let central = try await PostgresCentral.connect(handle.url, maximumConnections: 4)
            defer { central.shutdown() }
            let config = ContractFixture.configuration()
            try await PostgresQueueBackend.replaceConfiguration(config, in: central)
            let clock = ContractClock(ContractFixture.rome("2026-11-30 09:00"))
            let backend = try await PostgresQueueBackend.open(central: central, clock: clock)
            _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            let before = try await backend.changes(after: 0, limit: 100)
            #expect(before.changes.count == 1)

            // A slow writer: its change is written (and numbered first) but not committed yet.
            let (_, connectionConfig) = try PostgresCentral.configurations(handle.url, maximumConnections: 1)
            let slow = try await PostgresConnection.connect(configuration: connectionConfig, id: 9, logger: central.logger)
            _ = try await slow.query("BEGIN", logger: central.logger)
            let draft = Ticket(id: 0, serviceCode: "CIE", number: TicketNumber(prefix: "C", seq: 0), arrival: clock.now())
            let doc = try QueueJSON.text(draft)
            _ = try await slow.query(
                "SELECT sportello.queue_issue(\(doc)::jsonb, '2026-11-30'::date, \(clock.now()), 15, 2)", logger: central.logger)

            // A fast writer takes a later sequence number and commits first; a reader sees it.
            let fast = try await backend.issue(IssueRequest(serviceCode: "STC"))
            let during = try await backend.changes(after: before.lastPosition, limit: 100)
            #expect(during.changes.map(\.ticket.id) == [fast.id])
            #expect(during.changes.map(\.position) == [2])

            // The slow change commits later with its lower sequence number: the reader asking
            // after what it saw still gets it, at the next position.
            _ = try await slow.query("COMMIT", logger: central.logger)
            try await slow.close()
            let after = try await backend.changes(after: during.lastPosition, limit: 100)
            #expect(after.changes.map(\.ticket.serviceCode) == ["CIE"])
            #expect(after.changes.map(\.position) == [3])
            #expect(after.changes[0].ticket.id < fast.id)
            // The whole log, read again from the start, is dense and complete.
            let all = try await backend.changes(after: 0, limit: 100)
            #expect(all.changes.map(\.position) == [1, 2, 3])
        }
    }

    @Test func pagesFollowEachOtherWithoutGaps() async throws {
        try await PostgresTestDatabase.with(suite: "changepages") { handle in
            let central = try await PostgresCentral.connect(handle.url)
            defer { central.shutdown() }
            try await PostgresQueueBackend.replaceConfiguration(ContractFixture.configuration(), in: central)
            let clock = ContractClock(ContractFixture.rome("2026-11-30 09:00"))
            let backend = try await PostgresQueueBackend.open(central: central, clock: clock)
            for _ in 0..<7 { _ = try await backend.issue(IssueRequest(serviceCode: "ANA")) }
            var position: Int64 = 0
            var seen: [Int64] = []
            while true {
                let page = try await backend.changes(after: position, limit: 3)
                seen += page.changes.map(\.position)
                position = page.lastPosition
                if !page.hasMore { break }
            }
            #expect(seen == Array(1...7))
        }
    }
}
