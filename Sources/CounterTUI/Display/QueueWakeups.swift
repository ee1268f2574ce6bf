import Foundation
import LocalStore
import Synchronization

/// A station's wake-ups for the central queue: what the boards (display, totem) and the
/// cruscotto's queue panel wait for, off the loop, before re-reading the queue
/// (`AppSubscription`). One per process, started with the station and stopped on exit:
///
/// - on PostgreSQL, `PostgresWakeups` (LISTEN on one dedicated connection, its own
///   reconnects, a "changed" after each and a poll every 2 s);
/// - on the embedded file, a `ChangeWatch` of its own (one read-only connection) asked every
///   `watchInterval`: `PRAGMA data_version` is one cheap read of the shared memory index.
///
/// A wait lasts at most `fallbackInterval`: then it answers "not changed" and the reader takes
/// a plain look (which re-reads when its own signal, or its 30 s refresh, says so), so a lost
/// wake-up only delays a change.
public final class QueueWakeups: Sendable {
    /// How often the file's `data_version` is asked while waiting: 25 ms adds 12 ms on average
    /// to a call's way to the board (goal: p50 < 50 ms) for 40 pragma reads a second, about
    /// 0.1% of a core (docs/BENCHMARKS.md, "Wake-ups").
    public static let watchInterval: Duration = .milliseconds(25)
    /// The longest wait without a signal.
    public static let fallbackInterval: Duration = .seconds(3)
    /// After a failed question (file gone, server down), the wait answers "changed" this much
    /// later: the reader's read fails and says so, and is tried again at this pace.
    public static let retryInterval: Duration = .milliseconds(200)

    public let signal: any QueueChangeSignal
    public let fallback: Duration
    private let stopper: (@Sendable () async -> Void)?
    private let seenSessions = Mutex<Int?>(nil)

    public init(signal: any QueueChangeSignal, fallback: Duration = fallbackInterval,
                stop: (@Sendable () async -> Void)? = nil) {
        self.signal = signal
        self.fallback = fallback
        self.stopper = stop
    }

    /// LISTEN on the PostgreSQL central database at `url` (a dedicated connection).
    public static func postgres(_ url: PostgresCentralURL) -> QueueWakeups {
        let wakeups = PostgresWakeups(url: url)
        return QueueWakeups(signal: wakeups, stop: { await wakeups.stop() })
    }

    /// A `data_version` watch of the embedded central file at `path` (its own connection).
    public static func file(_ path: String) -> QueueWakeups {
        QueueWakeups(signal: ChangeWatch(path: path))
    }

    /// Waits for the next wake-up (or the fallback interval).
    public func next() async -> QueueWake {
        let changed = await signal.waitForChange(upTo: fallback)
        let sessions = signal.listenSessions
        let reconnected = seenSessions.withLock { seen -> Bool in
            defer { seen = sessions }
            return (seen ?? 0) != sessions
        }
        return QueueWake(changed: changed || reconnected, reconnected: reconnected)
    }

    /// Closes the listening connection (PostgreSQL); waits under way end. Returns after at
    /// most `limit` even when the close hangs (a dead network): leaving the screen must not
    /// wait for it, and the process ends anyway.
    public func stop(waitingAtMost limit: Duration = .seconds(1)) async {
        guard let stopper else { return }
        let (finished, finish) = AsyncStream.makeStream(of: Void.self)
        Task {
            await stopper()
            finish.yield()
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            finish.yield()
        }
        for await _ in finished { break }
        timer.cancel()
    }
}
