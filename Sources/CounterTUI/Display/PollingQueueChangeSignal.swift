import Foundation
import Synchronization

/// A change signal for a central database that cannot be watched locally (PostgreSQL): asks
/// the central side for a cheap change mark (`PostgresStationQueue.changeMark`: the last
/// change position, the office day's and the configuration's versions) and says "changed"
/// when it differs from the previous one. It asks at most once per `minimumInterval`; a
/// question sooner than that answers "unchanged" (the next tick asks). A failure is thrown,
/// and the next question starts afresh (changed).
public final class PollingQueueChangeSignal: QueueChangeSignal, Sendable {
    public static let defaultInterval: Duration = .milliseconds(250)

    private let mark: @Sendable () async throws -> String
    private let minimumInterval: Duration
    private let state = Mutex<(last: String?, askedAt: ContinuousClock.Instant?)>((nil, nil))

    public init(minimumInterval: Duration = defaultInterval, mark: @escaping @Sendable () async throws -> String) {
        self.minimumInterval = minimumInterval
        self.mark = mark
    }

    public func hasChanged() async throws -> Bool {
        let now = ContinuousClock.now
        let tooSoon = state.withLock { current in
            if let asked = current.askedAt, current.last != nil, now < asked + minimumInterval { return true }
            current.askedAt = now
            return false
        }
        if tooSoon { return false }
        let next: String
        do {
            next = try await mark()
        } catch {
            state.withLock { $0 = (nil, nil) }
            throw error
        }
        return state.withLock { current in
            defer { current.last = next }
            return current.last != next
        }
    }
}
