import CounterTUI
import CruscottoModel
import Foundation
import Synchronization

/// The measurement of `bench call-visibility`, the same for both backends: one task calls
/// tickets at a counter through its own backend (issue one, call the next, close it, pause);
/// another task is a waiting-room display as the product builds it — `DisplayProgram` with its
/// `LiveQueueSource` and `QueueWakeups` (made by the caller as `TotemKioskSupport` makes them),
/// its wake-up subscription awaited and its effects run in order, exactly as the loop does,
/// without a terminal. For each call: the time from the moment the call is asked to the first
/// re-read (configuration, change log, `status()`) after which the board's state shows it.
struct BenchCallVisibility {
    var caller: any QueueBackend
    var display: DisplayProgram
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
        /// Wake-ups the board received, and how many of them re-read the queue.
        var wakeups: Int
        var reads: Int
        var failedReads: Int
        var signal: String
        /// The file only: one `data_version` question of the watch, and the share of one core
        /// its asking at the product's interval takes.
        var watchPollUs: Double?
        var watchCoreShare: Double?
    }

    final class Marks: Sendable {
        let asked = Mutex<[String: ContinuousClock.Instant]>([:])
        let answered = Mutex<[String: ContinuousClock.Instant]>([:])
        let seen = Mutex<[String: ContinuousClock.Instant]>([:])
        let finished = Atomic<Bool>(false)
        let wakeups = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
    }

    func run(backend name: String, signal: String) async throws -> Result {
        // A realistic waiting set: a few tickets ahead, one more issued at each call.
        for _ in 0..<10 { _ = try await caller.issue(IssueRequest(serviceCode: "ANA")) }
        let marks = Marks()
        let display = self.display
        let board = Task {
            var state = DisplayState()
            // The first look at start (calls already made are history, as on the real board).
            await Self.deliver(.tick(Date()), to: display, &state, marks)
            while !Task.isCancelled {
                guard let subscription = display.subscriptions(in: state).first else { break }
                let message = await subscription.next()
                if Task.isCancelled { break }
                marks.wakeups.add(1, ordering: .relaxed)
                await Self.deliver(.message(message), to: display, &state, marks)
                let now = ContinuousClock.now
                let shown = state.live.calls.map(\.number)
                let done = marks.seen.withLock { seen in
                    for number in shown where seen[number] == nil { seen[number] = now }
                    return seen.count
                } >= marks.asked.withLock { $0.count }
                if marks.finished.load(ordering: .acquiring), done { break }
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
            let number = claim.ticket.number.display
            marks.asked.withLock { $0[number] = asked }
            marks.answered.withLock { $0[number] = answered }
            _ = try await caller.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token,
                action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1))
        }
        marks.finished.store(true, ordering: .releasing)
        // The last calls get a few seconds to show up; then the board stops.
        let deadline = Task {
            try? await Task.sleep(for: .seconds(10))
            board.cancel()
        }
        await board.value
        deadline.cancel()

        var total = LatencyHistogram(), afterCommit = LatencyHistogram()
        let asked = marks.asked.withLock { $0 }, answered = marks.answered.withLock { $0 }
        let seen = marks.seen.withLock { $0 }
        for (number, start) in asked {
            guard let shown = seen[number] else { continue }
            total.record(max(.zero, shown - start))
            if let committed = answered[number] { afterCommit.record(max(.zero, shown - committed)) }
        }
        return Result(
            backend: name, calls: asked.count, seen: asked.keys.filter { seen[$0] != nil }.count,
            p50Ms: total.ms(50), p90Ms: total.ms(90), p99Ms: total.ms(99), maxMs: total.maxMs,
            afterCommitP50Ms: afterCommit.ms(50), afterCommitP99Ms: afterCommit.ms(99), claimP50Ms: claims.ms(50),
            wakeups: marks.wakeups.load(ordering: .relaxed), reads: marks.reads.load(ordering: .relaxed),
            failedReads: marks.failed.load(ordering: .relaxed), signal: signal)
    }

    /// `update`, then every `.run` effect awaited and its result fed back, in order: what the
    /// loop does for the board, minus drawing.
    private static func deliver(_ msg: AppMsg<DisplayMessage>, to display: DisplayProgram,
                                _ state: inout DisplayState, _ marks: Marks) async {
        var queue = [msg]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if case .message(.polled(let poll)) = next {
                switch poll {
                case .changed: marks.reads.add(1, ordering: .relaxed)
                case .failed: marks.failed.add(1, ordering: .relaxed)
                case .unchanged: break
                }
            }
            for effect in display.update(&state, next) {
                if case .run(let work) = effect { queue.append(.message(await work())) }
            }
        }
    }
}
