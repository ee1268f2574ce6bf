import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// One contract suite for every central backend: the model's seeded working days played on
/// the backend and on the in-memory reference must give equal transcripts, step by step
/// (answers, refusals, numbers, ids, tokens, instants, change log, status, end-of-day report).
@Suite struct QueueContractTests {
    static let config = ContractFixture.configuration()
    static let start = ContractFixture.rome("2026-11-30 08:30")

    static func reference(_ steps: [QueueContractStep], configuration: QueueConfiguration = config) async throws
        -> [QueueContractOutcome] {
        let clock = ContractClock(start)
        let reference = try InMemoryQueueBackend(configuration: configuration, clock: clock)
        return await QueueContractRunner.run(steps, on: reference) { clock.set($0) }
    }

    static func compare(_ expected: [QueueContractOutcome], _ actual: [QueueContractOutcome], steps: [QueueContractStep]) {
        #expect(actual.count == expected.count)
        if let difference = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("""
                passo \(difference.offset): \(steps[difference.offset])
                atteso:  \(difference.element.0)
                ottenuto: \(difference.element.1)
                """)
        }
    }

    @Test(arguments: ContractBackendKind.available, [UInt64(1), 2, 3, 4])
    func sameTranscriptAsTheReference(kind: ContractBackendKind, seed: UInt64) async throws {
        let steps = QueueContractScript.random(seed: seed, steps: 600, start: Self.start, configuration: Self.config)
        let expected = try await Self.reference(steps)
        let clock = ContractClock(Self.start)
        let actual = try await kind.with(suite: "contract\(seed)", configuration: Self.config, clock: clock) { backend, _ in
            await QueueContractRunner.run(steps, on: backend) { clock.set($0) }
        }
        Self.compare(expected, actual, steps: steps)
        // The script really exercised the backend: calls and refusals.
        #expect(actual.contains { if case .claim(_?) = $0 { true } else { false } })
        #expect(actual.contains { if case .refused = $0 { true } else { false } })
    }

    @Test(arguments: ContractBackendKind.available)
    func reopenedBackendContinuesTheSameTranscript(kind: ContractBackendKind) async throws {
        // A station restarting loses nothing: the second half runs on a new connection and
        // sees the whole change log of the first. Both sides run the script in two halves.
        let steps = QueueContractScript.random(seed: 7, steps: 400, start: Self.start, configuration: Self.config)
        let half = steps.count / 2
        let referenceClock = ContractClock(Self.start)
        let reference = try InMemoryQueueBackend(configuration: Self.config, clock: referenceClock)
        var expected = await QueueContractRunner.run(Array(steps[..<half]), on: reference) { referenceClock.set($0) }
        let referenceLog = await reference.changes(after: 0, limit: 100_000)
        expected += await QueueContractRunner.run(Array(steps[half...]), on: reference) { referenceClock.set($0) }

        let clock = ContractClock(Self.start)
        let (actual, log) = try await kind.with(suite: "reopen", configuration: Self.config, clock: clock) { backend, reopen in
            var outcomes = await QueueContractRunner.run(Array(steps[..<half]), on: backend) { clock.set($0) }
            let again = try await reopen()
            let log = try await again.changes(after: 0, limit: 100_000)
            outcomes += await QueueContractRunner.run(Array(steps[half...]), on: again) { clock.set($0) }
            return (outcomes, log)
        }
        #expect(!log.changes.isEmpty)
        #expect(log.changes == referenceLog.changes)
        Self.compare(expected, actual, steps: steps)
    }
}
