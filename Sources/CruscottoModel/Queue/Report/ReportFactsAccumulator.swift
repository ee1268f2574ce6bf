/// Adds up the facts of disjoint sets of days (the stored per-day summaries and the days
/// computed from tickets). Every fact is a count or a sum per key, and a ticket, its events
/// and an office day belong to exactly one local day, so the sum of the days' facts is the
/// facts of the whole range: the same values, not an approximation.
public struct ReportFactsAccumulator: Sendable {
    private var waits: [ReportWaitKey: Int] = [:]
    private var arrivals: [ReportArrivalKey: Int] = [:]
    private var endings: [ReportEndingKey: Int] = [:]
    private var serviceTimes: [ReportServiceKey: ReportServiceTime] = [:]
    private var estimates: [String: ReportEstimateSum] = [:]
    private var eventCounts: [String: Int] = [:]
    private var counterDays: [ReportCounterDay] = []

    public init() {}

    public mutating func add(_ facts: QueueReportFacts) {
        for wait in facts.waits {
            waits[ReportWaitKey(serviceCode: wait.serviceCode, isPriority: wait.isPriority, seconds: wait.seconds),
                  default: 0] += wait.count
        }
        for arrival in facts.arrivals {
            arrivals[ReportArrivalKey(day: arrival.day, hour: arrival.hour), default: 0] += arrival.count
        }
        for ending in facts.endings {
            endings[ReportEndingKey(serviceCode: ending.serviceCode, state: ending.state, outcome: ending.outcome,
                                    wasCalled: ending.wasCalled), default: 0] += ending.count
        }
        for time in facts.serviceTimes {
            let key = ReportServiceKey(serviceCode: time.serviceCode, counter: time.counter, operatorID: time.operatorID)
            if var sum = serviceTimes[key] {
                sum.tickets += time.tickets
                sum.seconds += time.seconds
                serviceTimes[key] = sum
            } else {
                serviceTimes[key] = time
            }
        }
        for estimate in facts.estimates {
            if var sum = estimates[estimate.serviceCode] {
                sum.count += estimate.count
                sum.errorSeconds += estimate.errorSeconds
                sum.absoluteErrorSeconds += estimate.absoluteErrorSeconds
                sum.withinFiveMinutes += estimate.withinFiveMinutes
                estimates[estimate.serviceCode] = sum
            } else {
                estimates[estimate.serviceCode] = estimate
            }
        }
        for (kind, count) in facts.eventCounts { eventCounts[kind, default: 0] += count }
        counterDays += facts.counterDays
    }

    /// The facts of the range, sorted (`normalize`).
    public func facts(from: LocalDay, to: LocalDay) -> QueueReportFacts {
        var facts = QueueReportFacts(
            from: from, to: to,
            waits: waits.map { ReportWaitCount(serviceCode: $0.key.serviceCode, isPriority: $0.key.isPriority,
                                               seconds: $0.key.seconds, count: $0.value) },
            arrivals: arrivals.map { ReportArrivalCount(day: $0.key.day, hour: $0.key.hour, count: $0.value) },
            endings: endings.map {
                ReportEndingCount(serviceCode: $0.key.serviceCode, state: $0.key.state, outcome: $0.key.outcome,
                                  wasCalled: $0.key.wasCalled, count: $0.value)
            },
            serviceTimes: Array(serviceTimes.values), estimates: Array(estimates.values),
            eventCounts: eventCounts, counterDays: counterDays)
        facts.normalize()
        return facts
    }
}
