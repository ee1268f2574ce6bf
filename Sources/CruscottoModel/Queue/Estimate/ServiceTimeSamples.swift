import Foundation

/// The latest service times per service, kept in a fixed-size ring so that a process that
/// runs for days never grows: at most `capacity` samples per service, and only samples
/// newer than `window` count.
public struct ServiceTimeSamples: Hashable, Sendable {
    public struct Sample: Hashable, Sendable {
        public var seconds: Int
        public var endedAt: Date
    }

    public static let defaultCapacity = 12
    public static let defaultWindow: TimeInterval = 2 * 3600

    public let capacity: Int
    public let window: TimeInterval
    private var rings: [String: [Sample]] = [:]
    private var next: [String: Int] = [:]

    public init(capacity: Int = defaultCapacity, window: TimeInterval = defaultWindow) {
        self.capacity = max(1, capacity)
        self.window = window
    }

    /// Records one service time; the oldest sample of the service is overwritten when full.
    /// Times under ten seconds (a ticket closed by mistake) or over four hours are not
    /// service times and are ignored.
    public mutating func record(serviceCode: String, seconds: Int, endedAt: Date) {
        guard (10...4 * 3600).contains(seconds) else { return }
        let sample = Sample(seconds: seconds, endedAt: endedAt)
        var ring = rings[serviceCode] ?? []
        if ring.count < capacity {
            ring.append(sample)
        } else {
            let index = next[serviceCode] ?? 0
            ring[index] = sample
            next[serviceCode] = (index + 1) % capacity
        }
        rings[serviceCode] = ring
    }

    /// Learns from one change of the central log: a ticket closed after being served gives
    /// the service time of the service it was served for.
    public mutating func observe(_ change: QueueChange) {
        guard change.kind == "close", change.ticket.state == .done else { return }
        let seconds = Int(change.ticket.servingSeconds.rounded())
        record(serviceCode: change.ticket.serviceCode, seconds: seconds, endedAt: change.at)
    }

    /// The samples of a service still inside the window at `now`.
    public func recent(_ serviceCode: String, now: Date) -> [Int] {
        (rings[serviceCode] ?? []).filter {
            now.timeIntervalSince($0.endedAt) <= window && $0.endedAt <= now.addingTimeInterval(60)
        }.map(\.seconds)
    }

    /// Samples held in total (for the soak checks: never above services × capacity).
    public var count: Int { rings.values.reduce(0) { $0 + $1.count } }
}
