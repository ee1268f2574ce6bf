import Foundation
import Testing
@testable import CruscottoModel

/// The contract scripts on the reference backend: deterministic, covering every transition,
/// and keeping the queue's invariants. The store's backends run the same scripts and compare.
@Suite struct QueueContractTests {
    static let config = Fixture.configuration(
        hours: Fixture.allDay, rules: QueueRules(recallsBeforeNoShow: 1, noShowReactivationMinutes: 15))

    static func run(seed: UInt64) async throws -> (steps: [QueueContractStep], outcomes: [QueueContractOutcome]) {
        let start = rome("2026-11-30 08:30")
        let steps = QueueContractScript.random(seed: seed, steps: 600, start: start, configuration: config)
        let clock = TestClock(start)
        let backend = try InMemoryQueueBackend(configuration: config, clock: clock)
        let outcomes = await QueueContractRunner.run(steps, on: backend) { clock.set($0) }
        return (steps, outcomes)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func sameScriptSameTranscript(seed: UInt64) async throws {
        let first = try await Self.run(seed: seed)
        let second = try await Self.run(seed: seed)
        #expect(first.steps == second.steps)
        #expect(first.outcomes.count == first.steps.count)
        let firstDifference = zip(first.outcomes, second.outcomes).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "passo \(firstDifference?.offset ?? -1): \(first.steps[firstDifference?.offset ?? 0])")
        let other = try await Self.run(seed: seed + 100)
        #expect(other.steps != first.steps)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func scriptsCoverTheStateMachineAndKeepInvariants(seed: UInt64) async throws {
        let (_, outcomes) = try await Self.run(seed: seed)
        guard case let .changes(log)? = outcomes.last else {
            Issue.record("the script ends with the whole change log")
            return
        }
        let kinds = Set(log.changes.map(\.kind))
        for kind in ["issue", "call", "recall", "no_show", "reactivate", "start_service", "park", "transfer", "close",
                     "cancel", "close_end_of_day", "link_contact"] {
            #expect(kinds.contains(kind), "\(kind)")
        }
        let refusals = outcomes.compactMap { if case let .refused(text) = $0 { text } else { nil } }
        #expect(refusals.contains { $0.contains("non è più assegnato a questo sportello") })
        #expect(refusals.contains { $0.hasPrefix("Servizio sconosciuto") })
        #expect(refusals.contains { $0.hasPrefix("Impossibile") })
        // Tokens strictly increase; a claimed ticket is never handed out again while held.
        let claims = outcomes.compactMap { if case let .claim(c?) = $0 { c } else { nil } }
        #expect(claims.map(\.token.value) == claims.map(\.token.value).sorted())
        #expect(Set(claims.map(\.token)).count == claims.count)
        var holder: [Int64: FencingToken] = [:]
        for change in log.changes {
            let t = change.ticket
            if change.kind == "call" {
                #expect(holder[t.id] == nil, "\(t.number) chiamato due volte")
            }
            holder[t.id] = t.state.isClaimed ? t.token : nil
        }
        // Numbers are never reused within a day.
        let issued = log.changes.filter { $0.kind == "issue" }.map(\.ticket)
        #expect(Set(issued.map { "\($0.day) \($0.number)" }).count == issued.count)
        #expect(log.changes.map(\.position) == Array(1...Int64(log.changes.count)))
    }
}
