import Foundation

extension QueueReportFacts {
    /// The facts of a range from ticket values and office days: the definitions of
    /// docs/REPORT.md written once in Swift. The store computes the same facts in SQL, and
    /// its tests require both to agree. Open intervals of a day that was not closed end at
    /// `until` or at the end of that day, whichever is earlier (`ReportCounterDay.reportEnd`).
    public init(from: LocalDay, to: LocalDay, tickets: [Ticket], officeDays: [OfficeDay], until: Date) {
        self.init(from: from, to: to)
        let inRange = tickets.filter { $0.day >= from && $0.day <= to }
        var waitCounts: [ReportWaitKey: Int] = [:]
        var arrivalCounts: [ReportArrivalKey: Int] = [:]
        var endingCounts: [ReportEndingKey: Int] = [:]
        var serviceSums: [ReportServiceKey: (tickets: Int, seconds: Int)] = [:]
        var estimateSums: [String: ReportEstimateSum] = [:]
        for ticket in inRange {
            let hour = OfficeCalendar.localTime(of: ticket.arrival).minute / 60
            arrivalCounts[ReportArrivalKey(day: ticket.day, hour: hour), default: 0] += 1
            endingCounts[ReportEndingKey(serviceCode: ticket.issuedServiceCode, state: ticket.state,
                                         outcome: ticket.outcome, wasCalled: ticket.firstCalledAt != nil),
                         default: 0] += 1
            if let called = ticket.firstCalledAt {
                let seconds = Int(called.timeIntervalSince(ticket.arrival).rounded())
                waitCounts[ReportWaitKey(serviceCode: ticket.issuedServiceCode, isPriority: ticket.isPriority,
                                         seconds: seconds), default: 0] += 1
                if let estimate = ticket.estimatedWaitMinutes {
                    let error = seconds - estimate * 60
                    var sum = estimateSums[ticket.issuedServiceCode]
                        ?? ReportEstimateSum(serviceCode: ticket.issuedServiceCode, count: 0, errorSeconds: 0,
                                             absoluteErrorSeconds: 0, withinFiveMinutes: 0)
                    sum.count += 1
                    sum.errorSeconds += error
                    sum.absoluteErrorSeconds += abs(error)
                    if error <= 300 { sum.withinFiveMinutes += 1 }
                    estimateSums[ticket.issuedServiceCode] = sum
                }
            }
            var perPlace: [ReportServiceKey: Int] = [:]
            for (index, event) in ticket.history.enumerated() {
                if Self.countedEventKinds.contains(event.kind) { eventCounts[event.kind, default: 0] += 1 }
                guard event.to == .serving, event.from != .serving, let counter = event.counter,
                      index + 1 < ticket.history.count else { continue }
                let key = ReportServiceKey(serviceCode: ticket.serviceCode, counter: counter,
                                           operatorID: event.operatorID)
                perPlace[key, default: 0] += Int(ticket.history[index + 1].at.timeIntervalSince(event.at).rounded())
            }
            for (key, seconds) in perPlace {
                serviceSums[key, default: (0, 0)].tickets += 1
                serviceSums[key, default: (0, 0)].seconds += seconds
            }
        }
        waits = waitCounts.map { ReportWaitCount(serviceCode: $0.key.serviceCode, isPriority: $0.key.isPriority,
                                                 seconds: $0.key.seconds, count: $0.value) }
        arrivals = arrivalCounts.map { ReportArrivalCount(day: $0.key.day, hour: $0.key.hour, count: $0.value) }
        endings = endingCounts.map {
            ReportEndingCount(serviceCode: $0.key.serviceCode, state: $0.key.state, outcome: $0.key.outcome,
                              wasCalled: $0.key.wasCalled, count: $0.value)
        }
        serviceTimes = serviceSums.map {
            ReportServiceTime(serviceCode: $0.key.serviceCode, counter: $0.key.counter, operatorID: $0.key.operatorID,
                              tickets: $0.value.tickets, seconds: $0.value.seconds)
        }
        estimates = Array(estimateSums.values)
        counterDays = officeDays.filter { $0.day >= from && $0.day <= to }
            .flatMap { ReportCounterDay.counters(of: $0, until: ReportCounterDay.reportEnd(of: $0.day, now: until)) }
        normalize()
    }

    /// Sorts every list, so that two equal sets of facts compare equal.
    public mutating func normalize() {
        waits.sort { ($0.serviceCode, $0.isPriority ? 1 : 0, $0.seconds) < ($1.serviceCode, $1.isPriority ? 1 : 0, $1.seconds) }
        arrivals.sort { ($0.day, $0.hour) < ($1.day, $1.hour) }
        endings.sort {
            ($0.serviceCode, $0.state.rawValue, $0.outcome ?? "", $0.wasCalled ? 1 : 0)
                < ($1.serviceCode, $1.state.rawValue, $1.outcome ?? "", $1.wasCalled ? 1 : 0)
        }
        serviceTimes.sort {
            ($0.serviceCode, $0.counter, $0.operatorID ?? "") < ($1.serviceCode, $1.counter, $1.operatorID ?? "")
        }
        estimates.sort { $0.serviceCode < $1.serviceCode }
        counterDays.sort { ($0.day, $0.counter) < ($1.day, $1.counter) }
    }
}
