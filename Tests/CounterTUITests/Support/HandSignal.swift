import Foundation
import Synchronization
@testable import CounterTUI

/// A change signal fired by hand: `waitForChange` waits until `fire()` (a fire with nobody
/// waiting is kept for the next wait) or until its task is cancelled; the timeout is ignored,
/// so only the test decides when a wake-up comes. `hasChanged()` always says no: whatever a
/// reader sees, a fire brought it.
final class HandSignal: QueueChangeSignal, Sendable {
    struct Counts: Sendable, Equatable {
        /// Waits started.
        var waits = 0
        var cancellations = 0
    }

    private struct State {
        var waiter: CheckedContinuation<Bool, Never>?
        var pending = false
        var counts = Counts()
        var sessions = 0
    }

    private let state = Mutex(State())

    var counts: Counts { state.withLock { $0.counts } }
    var isWaiting: Bool { state.withLock { $0.waiter != nil } }
    var listenSessions: Int { state.withLock { $0.sessions } }

    func hasChanged() async throws -> Bool { false }

    func waitForChange(upTo timeout: Duration) async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let now = state.withLock { state -> Bool? in
                    state.counts.waits += 1
                    if Task.isCancelled {
                        state.counts.cancellations += 1
                        return false
                    }
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                defer { state.waiter = nil }
                if state.waiter != nil { state.counts.cancellations += 1 }
                return state.waiter
            }
            waiter?.resume(returning: false)
        }
    }

    /// A wake-up: the wait under way returns "changed" (or the next one does).
    func fire() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            defer { state.waiter = nil }
            if state.waiter == nil { state.pending = true }
            return state.waiter
        }
        waiter?.resume(returning: true)
    }

    /// The connection listens again after a break: a new session, and a wake-up.
    func reconnect() {
        state.withLock { $0.sessions += 1 }
        fire()
    }
}

/// Waits (briefly sleeping) until `condition` holds; false after `seconds` without it. Only
/// for the order of events between tasks, never for speed.
func eventually(seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
