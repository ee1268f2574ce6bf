/// Says whether the central queue may have changed since the last question, so that boards
/// and counters re-read it only then. On the embedded file it is `ChangeWatch`
/// (`PRAGMA data_version`); on PostgreSQL `PostgresWakeups` (LISTEN/NOTIFY); without one
/// (tests, other backends) every poll re-reads.
public protocol QueueChangeSignal: Sendable {
    func hasChanged() async throws -> Bool
    /// Waits until the signal says "changed" (true) or `timeout` passes (false); clears the
    /// mark. Returns soon when the task is cancelled. Default: asks `hasChanged()` every
    /// `QueueWakeups.watchInterval`; a question that fails answers "changed" after
    /// `QueueWakeups.retryInterval` (the reader's own read then shows the failure).
    func waitForChange(upTo timeout: Duration) async -> Bool
    /// How many times the signal started listening (LISTEN sessions): it grows at each
    /// reconnect, when changes may have been missed. 0 for signals without a connection.
    var listenSessions: Int { get }
}

extension QueueChangeSignal {
    public var listenSessions: Int { 0 }

    public func waitForChange(upTo timeout: Duration) async -> Bool {
        await pollForChange(upTo: timeout, every: QueueWakeups.watchInterval)
    }

    /// Asks `hasChanged()` every `interval` until it says so or `timeout` passes.
    public func pollForChange(upTo timeout: Duration, every interval: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !Task.isCancelled {
            do {
                if try await hasChanged() { return true }
            } catch {
                try? await Task.sleep(for: min(QueueWakeups.retryInterval, max(.zero, deadline - clock.now)))
                return true
            }
            let left = deadline - clock.now
            if left <= .zero { return false }
            try? await Task.sleep(for: min(interval, left))
        }
        return false
    }
}

/// The signal of a backend that cannot tell: always re-read.
public struct AlwaysChangedSignal: QueueChangeSignal {
    public init() {}
    public func hasChanged() async throws -> Bool { true }
}
