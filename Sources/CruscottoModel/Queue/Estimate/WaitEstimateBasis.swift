import Foundation

/// What a wait estimate for one service rests on at an instant: how long one citizen takes
/// and how many counters are serving the service. The central side applies it to the people
/// ahead it counts when it numbers the ticket, so the estimate kept with the ticket uses the
/// exact count of that transaction.
public struct WaitEstimateBasis: Hashable, Codable, Sendable {
    /// Seconds one citizen takes at a counter (recent mean, or the service's typical minutes).
    public var serviceSeconds: Int
    /// Counters serving the service now (at least 1).
    public var counters: Int
    /// How many recent service times the figure comes from (0: the typical minutes).
    public var samples: Int

    enum CodingKeys: String, CodingKey {
        case serviceSeconds = "service_seconds"
        case counters, samples
    }

    public init(serviceSeconds: Int, counters: Int, samples: Int) {
        self.serviceSeconds = max(1, serviceSeconds)
        self.counters = max(1, counters)
        self.samples = max(0, samples)
    }

    /// Minutes until a citizen with `peopleAhead` before them is called: the people ahead
    /// shared among the counters, rounded up to the minute (integer arithmetic, so every
    /// backend gets the same number). Nobody ahead: 0 ("subito").
    public func minutes(peopleAhead: Int) -> Int {
        guard peopleAhead > 0 else { return 0 }
        let seconds = peopleAhead * serviceSeconds
        let perMinute = counters * 60
        return (seconds + perMinute - 1) / perMinute
    }
}
