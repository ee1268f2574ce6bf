import Foundation

/// What a report is computed from: the facts of a range of office days, already grouped
/// (the store aggregates in SQL; a simulation or a test can build them from tickets).
/// Everything a figure needs is here, so `QueueReport` is a pure function of these values.
public struct QueueReportFacts: Hashable, Sendable {
    public var from: LocalDay
    public var to: LocalDay
    /// Called tickets by service of issue, priority and wait in whole seconds.
    public var waits: [ReportWaitCount]
    /// Tickets issued per local day and hour of arrival.
    public var arrivals: [ReportArrivalCount]
    /// Tickets by service of issue, state now and outcome.
    public var endings: [ReportEndingCount]
    /// Time at counters per service, counter and operator.
    public var serviceTimes: [ReportServiceTime]
    /// Estimates kept with tickets compared with the real waits, per service of issue.
    public var estimates: [ReportEstimateSum]
    /// Ticket events of the tickets in the range, per kind, for the kinds in `countedEventKinds`.
    public var eventCounts: [String: Int]
    /// Counters' time per local day (staffed, idle, pauses), from the office days.
    public var counterDays: [ReportCounterDay]

    public init(
        from: LocalDay, to: LocalDay, waits: [ReportWaitCount] = [], arrivals: [ReportArrivalCount] = [],
        endings: [ReportEndingCount] = [], serviceTimes: [ReportServiceTime] = [],
        estimates: [ReportEstimateSum] = [], eventCounts: [String: Int] = [:],
        counterDays: [ReportCounterDay] = []
    ) {
        self.from = from
        self.to = to
        self.waits = waits
        self.arrivals = arrivals
        self.endings = endings
        self.serviceTimes = serviceTimes
        self.estimates = estimates
        self.eventCounts = eventCounts
        self.counterDays = counterDays
    }

    /// The event kinds the report counts.
    public static let countedEventKinds: Set<String> = ["transfer", "recall", "park", "no_show", "reactivate", "cancel"]

    /// True when no ticket was issued in the range and no counter was staffed.
    public var isEmpty: Bool { arrivals.isEmpty && endings.isEmpty && counterDays.isEmpty }
}
