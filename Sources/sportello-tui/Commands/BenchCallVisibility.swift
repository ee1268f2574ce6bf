import CounterTUI
import CruscottoModel
import Foundation
import Synchronization

/// The measurement of `bench call-visibility`, the same for both backends: one task calls
/// tickets at a counter through its own backend (issue one, call the next, close it, pause),
/// another task is a second station that waits for its wake-up signal and re-reads the queue
/// through `LiveQueueSource` (status and change log, as the boards do). For each call: the time
/// from the moment the call is asked to the re-read that contains it.
struct BenchCallVisibility {
    /// The second station's next look: waits for its signal, then polls.
    typealias Look = @Sendable (LiveQueueSource, Int64) async -> LiveQueuePoll

    var caller: any QueueBackend
    var reader: LiveQueueSource
    var look: Look
    var calls: Int
    var pace: Duration

    struct Result: Encodable {
        var backend: String
        var calls: Int
        var seen: Int
        var p50Ms: Double
        var p90Ms: Double
        var p99Ms: Double
        var maxMs: Double
        /// From the claim's answer (committed) to the re-read that shows it.
        var afterCommitP50Ms: Double
        var afterCommitP99Ms: Double
        var claimP50Ms: Double
        var reads: Int
        var failedReads: Int
        var signal: String
    }

    final class Marks: Sendable {
        let asked = Mutex<[Int64: ContinuousClock.Instant]>([:])
        let answered = Mutex<[Int64: ContinuousClock.Instant]>([:])
        let seen = Mutex<[Int64: ContinuousClock.Instant]>([:])
        let finished = Atomic<Bool>(false)
        let reads = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
    }

    func run(backend name: String, signal: String) async throws -> Result {
        // A realistic waiting set: a few tickets ahead, one more issued at each call.
        for _ in 0..<10 { _ = try await caller.issue(IssueRequest(serviceCode: "ANA")) }
        let start = try await catchUp(from: 0)
        let marks = Marks()
        let reader = self.reader, look = self.look
        let readerTask = Task {
            var position = start
            var more = false
            while true {
                let poll = more ? await reader.poll(after: position, force: true) : await look(reader, position)
                more = false
                let now = ContinuousClock.now
                switch poll {
                case let .changed(_, _, _, changes, lastPosition, hasMore):
                    more = hasMore
                    marks.reads.add(1, ordering: .relaxed)
                    marks.seen.withLock { seen in
                        for change in changes where change.kind == "call" && seen[change.ticket.id] == nil {
                            seen[change.ticket.id] = now
                        }
                    }
                    position = lastPosition
                case .failed:
                    marks.failed.add(1, ordering: .relaxed)
                case .unchanged:
                    break
                }
                if marks.finished.load(ordering: .acquiring) {
                    let done = marks.seen.withLock { $0.count } >= marks.asked.withLock { $0.count }
                    if done || Task.isCancelled { break }
                }
            }
        }
        var claims = LatencyHistogram()
        for _ in 0..<calls {
            try await Task.sleep(for: pace)
            _ = try await caller.issue(IssueRequest(serviceCode: "ANA"))
            let asked = ContinuousClock.now
            guard let claim = try await caller.claim(ClaimRequest(counter: 1, operatorID: "bench")) else {
                throw CommandFailure.rejected("coda vuota durante la prova")
            }
            let answered = ContinuousClock.now
            claims.record(answered - asked)
            marks.asked.withLock { $0[claim.ticket.id] = asked }
            marks.answered.withLock { $0[claim.ticket.id] = answered }
            _ = try await caller.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token,
                action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1))
        }
        marks.finished.store(true, ordering: .releasing)
        // The last calls get a few seconds to show up; then the reader stops.
        let deadline = Task {
            try? await Task.sleep(for: .seconds(10))
            readerTask.cancel()
        }
        await readerTask.value
        deadline.cancel()

        var total = LatencyHistogram(), afterCommit = LatencyHistogram()
        let asked = marks.asked.withLock { $0 }, answered = marks.answered.withLock { $0 }
        let seen = marks.seen.withLock { $0 }
        for (id, start) in asked {
            guard let shown = seen[id] else { continue }
            total.record(shown - start)
            if let committed = answered[id] { afterCommit.record(max(.zero, shown - committed)) }
        }
        return Result(
            backend: name, calls: asked.count, seen: asked.keys.filter { seen[$0] != nil }.count,
            p50Ms: total.ms(50), p90Ms: total.ms(90), p99Ms: total.ms(99), maxMs: total.maxMs,
            afterCommitP50Ms: afterCommit.ms(50), afterCommitP99Ms: afterCommit.ms(99), claimP50Ms: claims.ms(50),
            reads: marks.reads.load(ordering: .relaxed), failedReads: marks.failed.load(ordering: .relaxed), signal: signal)
    }

    /// Reads until the reader has everything written so far; returns its position.
    private func catchUp(from start: Int64) async throws -> Int64 {
        var position = start
        while true {
            switch await reader.poll(after: position, force: true) {
            case let .changed(_, _, _, _, lastPosition, hasMore):
                position = lastPosition
                if !hasMore { return position }
            case let .failed(_, reason):
                throw CommandFailure.usage("lettura della coda non riuscita: \(reason)")
            case .unchanged:
                return position
            }
        }
    }
}
