import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The model's contract scripts on the SQLite backend and on the in-memory reference:
/// the transcripts must be equal step by step (answers, refusals, numbers, tokens,
/// timestamps, change log, status, end-of-day report).
@Suite struct SQLiteQueueContractTests {
    static let config = QueueFixture.configuration(
        hours: QueueFixture.allDay, rules: QueueRules(recallsBeforeNoShow: 1, noShowReactivationMinutes: 15))

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func sameTranscriptAsTheReference(seed: UInt64) async throws {
        let start = QueueFixture.rome("2026-11-30 08:30")
        let steps = QueueContractScript.random(seed: seed, steps: 600, start: start, configuration: Self.config)

        let referenceClock = QueueTestClock(start)
        let reference = try InMemoryQueueBackend(configuration: Self.config, clock: referenceClock)
        let expected = await QueueContractRunner.run(steps, on: reference) { referenceClock.set($0) }

        let directory = try QueueTempDirectory()
        let clock = QueueTestClock(start)
        let backend = try await QueueFixture.backend(in: directory, config: Self.config, clock: clock)
        let actual = await QueueContractRunner.run(steps, on: backend) { clock.set($0) }

        #expect(actual.count == expected.count)
        let firstDifference = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }
        if let difference = firstDifference {
            Issue.record("""
                passo \(difference.offset): \(steps[difference.offset])
                atteso:  \(difference.element.0)
                ottenuto: \(difference.element.1)
                """)
        }
        // The script really exercised the backend: calls, refusals and a full change log.
        #expect(actual.contains { if case .claim(_?) = $0 { true } else { false } })
        #expect(actual.contains { if case .refused = $0 { true } else { false } })
    }

    @Test func reopenedFileContinuesTheSameTranscript() async throws {
        // Restarting a process loses nothing: what one process wrote is what the next reads.
        let start = QueueFixture.rome("2026-11-30 08:30")
        let steps = QueueContractScript.random(seed: 7, steps: 400, start: start, configuration: Self.config)
        let referenceClock = QueueTestClock(start)
        let reference = try InMemoryQueueBackend(configuration: Self.config, clock: referenceClock)
        let expected = await QueueContractRunner.run(steps, on: reference) { referenceClock.set($0) }

        let directory = try QueueTempDirectory()
        let clock = QueueTestClock(start)
        // The first half on one open file; then the file is closed and reopened, and its
        // whole change log must still be the reference's, ticket by ticket.
        let half = steps.count / 2
        var first: SQLiteQueueBackend? = try await QueueFixture.backend(in: directory, config: Self.config, clock: clock)
        let firstHalf = await QueueContractRunner.run(Array(steps[..<half]), on: first!) { clock.set($0) }
        #expect(firstHalf == Array(expected[..<half]))
        first = nil
        let reopened = try CentralQueueFile.openBackend(path: directory.centralPath, clock: clock)
        let log = try await reopened.changes(after: 0, limit: 100_000)
        let referenceLog = await reference.changes(after: 0, limit: 100_000)
        let prefix = Array(referenceLog.changes.prefix(log.changes.count))
        #expect(log.changes == prefix)
        #expect(!log.changes.isEmpty)
    }
}
