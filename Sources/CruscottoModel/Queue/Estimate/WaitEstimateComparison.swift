import Foundation

/// How the estimates given at issue compared with the real waits, over a day's tickets
/// (reports): only tickets with an estimate that have been called count.
public struct WaitEstimateComparison: Hashable, Sendable {
    /// Tickets compared.
    public var count: Int
    /// Mean of (real wait − estimate) in minutes: positive when citizens waited longer
    /// than they were told.
    public var meanErrorMinutes: Double
    /// Mean of |real wait − estimate| in minutes.
    public var meanAbsoluteErrorMinutes: Double
    /// Share of tickets called no later than 5 minutes after the estimate.
    public var withinFiveMinutesShare: Double

    public init(tickets: [Ticket]) {
        let pairs = tickets.compactMap { ticket -> Double? in
            guard let estimate = ticket.estimatedWaitMinutes, let called = ticket.firstCalledAt else { return nil }
            return called.timeIntervalSince(ticket.arrival) / 60 - Double(estimate)
        }
        count = pairs.count
        guard !pairs.isEmpty else {
            meanErrorMinutes = 0
            meanAbsoluteErrorMinutes = 0
            withinFiveMinutesShare = 0
            return
        }
        let n = Double(pairs.count)
        meanErrorMinutes = pairs.reduce(0, +) / n
        meanAbsoluteErrorMinutes = pairs.reduce(0) { $0 + abs($1) } / n
        withinFiveMinutesShare = Double(pairs.filter { $0 <= 5 }.count) / n
    }
}
