import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// Offline ticket blocks on every central backend: reserved per prefix and day from 701
/// upward, never overlapping each other nor the central numbering, which jumps over them.
@Suite struct OfflineBlockReservationTests {
    static let config = ContractFixture.configuration()
    static let start = ContractFixture.rome("2026-11-30 09:00")

    /// Fills the central numbering of A up to 700 (bulk, before any block exists).
    static func fillTo700(_ backend: any QueueBackend) async throws {
        switch backend {
        case let sqlite as SQLiteQueueBackend:
            _ = try sqlite.issueInBulk(Array(repeating: IssueRequest(serviceCode: "ANA"), count: 700))
        case let postgres as PostgresQueueBackend:
            _ = try await postgres.issueInBulk(serviceCode: "ANA", count: 700)
        default:
            Issue.record("backend senza carico in blocco")
        }
    }

    @Test(arguments: ContractBackendKind.available)
    func blocksNeverOverlapAndTheNumberingJumpsOverThem(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await kind.with(suite: "offline-blocks", configuration: Self.config, clock: clock) { backend, _ in
            let central = try #require(backend as? any OfflineBlockReserving)
            let policy = OfflineBlockPolicy()
            // Below 701 a block starts at 701 whatever the numbering says.
            let early = try await central.reserveOfflineBlock(station: "sportello-1", prefix: "C", policy: policy)
            #expect((early.first, early.last) == (701, 750))
            try await Self.fillTo700(backend)
            let one = try await central.reserveOfflineBlock(station: "sportello-1", prefix: "A", policy: policy)
            let two = try await central.reserveOfflineBlock(station: "sportello-2", prefix: "A", policy: policy)
            #expect((one.first, one.last, one.station) == (701, 750, "sportello-1"))
            #expect((two.first, two.last, two.station) == (751, 800, "sportello-2"))
            // The central numbering reaches the blocks and jumps past the latest one.
            let online = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            #expect(online.number.seq == 801)
            // The next block starts after the numbering.
            let three = try await central.reserveOfflineBlock(station: "sportello-1", prefix: "A", policy: OfflineBlockPolicy(size: 10))
            #expect((three.first, three.last) == (802, 811))
            #expect(try await backend.issue(IssueRequest(serviceCode: "ANA")).number.seq == 812)
            #expect(try await backend.issue(IssueRequest(serviceCode: "ANA")).number.seq == 813)
            // Another prefix, another day's sequence: untouched.
            #expect(try await backend.issue(IssueRequest(serviceCode: "STC")).number.seq == 1)
            // A prefix that no service has is refused.
            await #expect(throws: QueueBackendError.self) {
                try await central.reserveOfflineBlock(station: "sportello-1", prefix: "Z", policy: policy)
            }
        }
    }

    @Test(arguments: ContractBackendKind.available)
    func concurrentReservationsOfTwoStationsDoNotOverlap(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        let blocks = try await kind.with(suite: "offline-concurrent", configuration: Self.config, clock: clock) { backend, reopen in
            let other = try await reopen()
            let first = try #require(backend as? any OfflineBlockReserving)
            let second = try #require(other as? any OfflineBlockReserving)
            return try await withThrowingTaskGroup(of: [OfflineTicketBlock].self) { group in
                for (station, central) in [("sportello-1", first), ("sportello-2", second)] {
                    group.addTask {
                        var mine: [OfflineTicketBlock] = []
                        for _ in 0..<10 {
                            mine.append(try await central.reserveOfflineBlock(station: station, prefix: "A", policy: OfflineBlockPolicy(size: 7)))
                            _ = try await central.reserveOfflineBlock(station: station, prefix: "S", policy: OfflineBlockPolicy(size: 3))
                        }
                        return mine
                    }
                }
                var all: [OfflineTicketBlock] = []
                for try await mine in group { all += mine }
                return all
            }
        }
        #expect(blocks.count == 20)
        let sorted = blocks.sorted { $0.first < $1.first }
        #expect(sorted.first?.first == 701)
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.last < b.first) }
        #expect(Set(blocks.map(\.station)) == ["sportello-1", "sportello-2"])
    }
}
