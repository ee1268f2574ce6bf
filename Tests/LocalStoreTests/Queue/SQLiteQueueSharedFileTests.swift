import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// Several connections pools on one central file in this process, calling at once (the
/// multi-process version is `QueueConcurrencyTests`).
@Suite struct SQLiteQueueSharedFileTests {
    @Test func fourPoolsCallingAtOnceNeverShareATicket() async throws {
        let directory = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-30 10:00"))
        var config = QueueFixture.configuration(hours: QueueFixture.allDay)
        config.counters = (1...4).map { Counter(number: $0, profileCode: $0 == 3 ? "cie" : "poli") }
        let first = try await QueueFixture.backend(in: directory, config: config, clock: clock)
        let services = ["ANA", "CIE", "STC"]
        let issued = try first.issueInBulk((0..<400).map {
            IssueRequest(serviceCode: services[$0 % 3], priority: $0 % 7 == 0 ? "over75" : nil)
        })
        #expect(issued == 400)
        var backends = [first]
        for _ in 1..<4 { backends.append(try CentralQueueFile.openBackend(path: directory.centralPath, clock: clock)) }
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for (index, backend) in backends.enumerated() {
                group.addTask {
                    var ids: [Int64] = []
                    while let claim = try await backend.claim(ClaimRequest(counter: index + 1)) {
                        ids.append(claim.ticket.id)
                        _ = try await backend.transition(TransitionRequest(
                            ticketID: claim.ticket.id, token: claim.token,
                            action: .close(outcome: "servito", procedures: [], contactID: nil), counter: index + 1))
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.count == 400)
        #expect(Set(claimed).count == 400)
        let log = try await first.changes(after: 0, limit: 10_000)
        let tokens = log.changes.filter { $0.kind == "call" }.compactMap(\.ticket.token)
        #expect(tokens.count == 400)
        #expect(tokens.map(\.value) == Array(1...400))
        #expect(log.changes.map(\.position) == Array(1...Int64(log.changes.count)))
        #expect(try await first.status().totalWaiting == 0)
    }
}
