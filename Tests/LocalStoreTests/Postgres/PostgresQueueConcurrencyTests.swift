import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// 16 counters calling at once through 16 connections: every ticket is called exactly once.
/// `SPORTELLO_PG_CLAIMS` sets the number of claims (at least 100,000 by default).
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresQueueConcurrencyTests {
    static let callers = 16
    static let claims = ProcessInfo.processInfo.environment["SPORTELLO_PG_CLAIMS"].flatMap { Int($0) } ?? 100_000

    static func configuration(counters: Int) -> QueueConfiguration {
        var config = ContractFixture.configuration()
        config.counters = (1...counters).map { Counter(number: $0, profileCode: $0 % 4 == 0 ? "cie" : "poli") }
        return config
    }

    @Test func sixteenConnectionsNeverClaimTheSameTicket() async throws {
        try await PostgresTestDatabase.with(suite: "concurrency") { handle in
            let central = try await PostgresCentral.connect(handle.url, maximumConnections: Self.callers)
            defer { central.shutdown() }
            let config = Self.configuration(counters: Self.callers)
            try await PostgresQueueBackend.replaceConfiguration(config, in: central)
            let clock = FixedClock(ContractFixture.rome("2026-11-30 09:00"))
            let backend = try await PostgresQueueBackend.open(central: central, clock: clock)
            let services = ["ANA", "CIE", "STC"]
            var issued = 0
            while issued < Self.claims {
                let count = min(20_000, Self.claims - issued)
                try await backend.issueInBulk(serviceCode: services[(issued / 20_000) % 3], count: count,
                                              priorityEvery: 7, priority: "over75")
                issued += count
            }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for counter in 1...Self.callers {
                    group.addTask {
                        var ids: [Int64] = []
                        while let claim = try await backend.claim(ClaimRequest(counter: counter, operatorID: "op\(counter)")) {
                            ids.append(claim.ticket.id)
                            _ = try await backend.transition(TransitionRequest(
                                ticketID: claim.ticket.id, token: claim.token,
                                action: .close(outcome: "servito", procedures: [], contactID: nil), counter: counter))
                        }
                        return ids
                    }
                }
                var all: [Int64] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claimed.count == Self.claims)
            #expect(Set(claimed).count == claimed.count)
            let check = try await backend.checkClaims(day: LocalDay(containing: clock.now()))
            #expect(check == PostgresQueueBackend.ClaimCheck(calls: Self.claims, calledTwice: 0, waiting: 0))
        }
    }
}
