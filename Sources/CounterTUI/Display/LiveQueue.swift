import CruscottoModel
import Foundation

/// The boards' picture of the queue, folded from `LiveQueuePoll`s: the configuration, the
/// status, recent calls, recent service times, the position reached in the change log and
/// whether the picture is live. Every collection is bounded (a board runs for days).
public struct LiveQueue: Sendable {
    public static let callCapacity = 12
    /// Without a successful look for this long the picture is no longer live (a read stuck
    /// behind a lock, a file gone away).
    public static let staleAfter: TimeInterval = 10

    public private(set) var configuration: QueueConfiguration?
    public private(set) var status: QueueStatus?
    /// Newest first, today's only, at most `callCapacity`.
    public private(set) var calls: [CallAnnouncement] = []
    public private(set) var samples = ServiceTimeSamples()
    public private(set) var position: Int64 = 0
    public private(set) var connection: CentralConnection = .connecting
    public private(set) var lastSuccess: Date?
    /// True once the change log has been read up to its end after start: calls seen before
    /// that are history, not news (no bell for them).
    public private(set) var caughtUp = false
    /// A look is under way (one at a time).
    public var polling = false
    /// Another look is wanted at once (more changes waiting).
    public private(set) var wantsMore = false
    /// A wake-up came while a look was under way: a forced look follows it.
    public private(set) var wakePending = false

    public init() {}

    /// Folds one poll; returns the calls that are news (made after start-up), oldest first.
    @discardableResult
    public mutating func apply(_ poll: LiveQueuePoll) -> [CallAnnouncement] {
        polling = false
        switch poll {
        case .unchanged(let at):
            lastSuccess = at
            connection = .live
            wantsMore = false
            return []
        case .failed(let at, let reason):
            wantsMore = false
            if case .lost = connection { return [] }
            connection = .lost(since: lastSuccess ?? at, reason: reason)
            return []
        case let .changed(at, configuration, status, changes, lastPosition, hasMore):
            let today = LocalDay(containing: at)
            self.configuration = configuration
            self.status = status
            var news: [CallAnnouncement] = []
            for change in changes where change.position > position {
                samples.observe(change)
                guard change.ticket.day == today, let call = CallAnnouncement(change: change) else { continue }
                calls.removeAll { $0.number == call.number && $0.counter == call.counter }
                calls.insert(call, at: 0)
                if calls.count > Self.callCapacity { calls.removeLast(calls.count - Self.callCapacity) }
                if caughtUp { news.append(call) }
            }
            position = max(position, lastPosition)
            if !hasMore { caughtUp = true }
            wantsMore = hasMore
            lastSuccess = at
            connection = .live
            return news
        }
    }

    /// Whether a look starts now and whether it re-reads whatever the source's signal says:
    /// nil while one is under way (a forced wake-up is then remembered for the next look).
    /// Forced after a wake-up that said "changed" and when more changes are waiting.
    public mutating func startLook(forced: Bool) -> Bool? {
        guard !polling else {
            if forced { wakePending = true }
            return nil
        }
        polling = true
        defer { wakePending = false }
        return forced || wakePending || wantsMore
    }

    /// A look should follow the one that just ended.
    public var wantsLook: Bool { wantsMore || wakePending }

    /// Marks the picture stale when no look succeeded lately, and drops calls of past days.
    public mutating func age(at now: Date) {
        if connection.isLive, let lastSuccess, now.timeIntervalSince(lastSuccess) > Self.staleAfter {
            connection = .lost(since: lastSuccess, reason: "nessuna risposta dalla centrale")
        }
        let today = LocalDay(containing: now)
        if calls.contains(where: { LocalDay(containing: $0.at) != today }) {
            calls.removeAll { LocalDay(containing: $0.at) != today }
        }
    }

    /// The estimate for a citizen taking a ticket for a service now.
    public func estimate(for serviceCode: String, at now: Date) -> WaitEstimate? {
        guard let configuration else { return nil }
        return WaitEstimator(configuration: configuration)
            .estimate(serviceCode: serviceCode, status: status, samples: samples, now: now)
    }

    public func basis(for serviceCode: String, at now: Date) -> WaitEstimateBasis? {
        guard let configuration else { return nil }
        return WaitEstimator(configuration: configuration)
            .basis(serviceCode: serviceCode, status: status, samples: samples, now: now)
    }

    public func serviceLine(_ code: String) -> QueueStatus.ServiceLine? {
        status?.services.first { $0.serviceCode == code }
    }
}
