import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Wake-ups for readers of the PostgreSQL central queue: LISTEN on the queue's notification
/// channel on a dedicated connection, with a poll fallback, so a reader re-reads the change log
/// only when something may have changed and never misses a change.
///
/// postgres-nio's `listen` exists only on `PostgresConnection` and never reconnects, so this
/// type runs its own loop: connect, LISTEN, wait for notifications while a heartbeat query
/// checks the connection; on any failure close it, wait (backoff doubling up to a ceiling) and
/// start again. After each (re)connect it signals "changed", because notifications sent while
/// it was not listening are lost and the reader must pull to catch up.
///
/// The poll fallback covers what LISTEN cannot promise: a signal every `pollInterval` even when
/// listening (the writers coalesce their notifications, so a change committed just after a
/// reader's pull may arrive with no notification of its own), and every
/// `downPollInterval` while LISTEN is down.
///
/// Readers either ask `hasChanged()` (boards that poll on a tick) or wait with
/// `waitForChange(upTo:)` (a station that wants to react at once). Stopping cancels the loop and
/// closes the connection.
public final class PostgresWakeups: Sendable {
    public static let channel = "sportello_queue"

    public struct Timing: Sendable {
        /// A "changed" signal at least this often while listening; each tick also runs a
        /// heartbeat query on the listening connection, to notice a dead peer.
        public var pollInterval: Duration = .seconds(2)
        /// And this often while LISTEN is down.
        public var downPollInterval: Duration = .milliseconds(500)
        /// Reconnect backoff: first wait, doubled after each failure up to the ceiling.
        public var firstBackoff: Duration = .milliseconds(100)
        public var maximumBackoff: Duration = .seconds(5)

        public init() {}
    }

    /// What the loop has done so far (for tests, the header and benchmarks).
    public struct Statistics: Sendable, Equatable {
        public var listening = false
        /// Successful LISTENs (the first one included).
        public var connects = 0
        /// Connection attempts or listening sessions that failed.
        public var failures = 0
        public var notifications = 0
        public var lastError: String?
        /// The backend process id of the listening connection, while listening.
        public var backendPID: Int?
    }

    private let state: Mutex<State>
    private let loop: Mutex<Task<Void, Never>?>

    struct State: Sendable {
        var pending = true
        var stopped = false
        var statistics = Statistics()
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0

        /// Marks a change and returns the waiters to resume (outside the lock).
        mutating func signal() -> [CheckedContinuation<Void, Never>] {
            pending = true
            let resumed = Array(waiters.values)
            waiters.removeAll()
            return resumed
        }
    }

    /// Starts listening at once on `url` (the station's own role is enough: LISTEN needs no
    /// privilege).
    public init(url: PostgresCentralURL, timing: Timing = Timing()) {
        state = Mutex(State())
        loop = Mutex(nil)
        let logger = Logger(label: "sportello.central.wakeups")
        let configuration: PostgresConnection.Configuration?
        let failure: String?
        do {
            configuration = try PostgresCentral.configurations(url, maximumConnections: 1).1
            failure = nil
        } catch {
            configuration = nil
            failure = error.description
        }
        let runner = PostgresWakeupsLoop(owner: WeakBox(self), configuration: configuration, configurationError: failure,
                            url: url, timing: timing, logger: logger)
        loop.withLock { $0 = Task { await runner.run() } }
    }

    deinit { loop.withLock { $0?.cancel() } }

    /// Stops the loop and closes the listening connection; waiters are released.
    public func stop() async {
        let task = loop.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        state.withLock { $0.stopped = true }
        task?.cancel()
        await task?.value
        signal()
    }

    /// True on the first question, after a wake-up, a poll tick or a reconnect since the last
    /// question, and always while LISTEN is down. Clears the mark.
    public func hasChanged() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending || !state.statistics.listening
        }
    }

    /// Waits until a change is signalled (or `timeout` passes); returns whether one was, and
    /// clears the mark. Returns at once when a change is already pending.
    @discardableResult
    public func waitForChange(upTo timeout: Duration) async -> Bool {
        let id = state.withLock { state -> UInt64? in
            if state.pending || state.stopped {
                state.pending = false
                return nil
            }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let id else { return true }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || state.stopped || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
        timer.cancel()
        return state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    public var statistics: Statistics { state.withLock { $0.statistics } }

    func signal() {
        let resumed = state.withLock { $0.signal() }
        for waiter in resumed { waiter.resume() }
    }

    func update(_ change: (inout Statistics) -> Void) {
        state.withLock { change(&$0.statistics) }
    }

    /// A reference to the owner that does not keep it alive: the loop ends when it goes away.
    final class WeakBox: Sendable {
        private let reference: Mutex<Weak>

        struct Weak: @unchecked Sendable {
            weak var value: PostgresWakeups?
        }

        init(_ value: PostgresWakeups) { reference = Mutex(Weak(value: value)) }
        var value: PostgresWakeups? { reference.withLock { $0.value } }
    }
}
