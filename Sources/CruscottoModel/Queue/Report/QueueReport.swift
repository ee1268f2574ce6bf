import Foundation

/// The responsabile's report over a range of office days (docs/REPORT.md defines every
/// figure). A pure function of `QueueReportFacts` and the office's configuration, so the
/// command, the screen, the benchmarks and the simulation's check compute the same numbers.
public struct QueueReport: Hashable, Codable, Sendable {
    public var from: LocalDay
    public var to: LocalDay
    /// Days of the range with at least one ticket.
    public var daysWithTickets: Int
    public var targetMinutes: Int

    public var issued: Int
    public var called: Int
    /// Closed with an outcome that counts as served.
    public var served: Int
    /// Closed by an operator with an outcome that is not "served" (documenti mancanti, rinviato).
    public var closedNotServed: Int
    /// Tickets whose last state is "non presentato".
    public var noShows: Int
    public var cancelled: Int
    /// Closed by the office closing without ever being called.
    public var closedAtEndOfDay: Int
    /// Still waiting, parked, transferred, called or in service.
    public var stillOpen: Int
    /// Events of the range's tickets.
    public var transfers: Int
    public var recalls: Int
    public var parks: Int

    public var waits: WaitStatistics
    public var priorityWaits: WaitStatistics
    public var services: [ReportServiceLine]
    public var hours: [ReportHourSlot]
    public var weekdays: [ReportWeekdayLine]
    public var counters: [ReportCounterLine]
    public var operators: [ReportOperatorLine]
    /// Nil when no called ticket of the range carries an estimate.
    public var estimate: ReportEstimate?

    public init(facts: QueueReportFacts, configuration: QueueConfiguration, targetMinutes: Int = 20) {
        from = facts.from
        to = facts.to
        self.targetMinutes = targetMinutes
        let rules = configuration.rules

        // Tickets by how they stand.
        var issuedBy: [String: Int] = [:], servedBy: [String: Int] = [:], noShowBy: [String: Int] = [:]
        var counts = (called: 0, served: 0, notServed: 0, noShow: 0, cancelled: 0, endOfDay: 0, open: 0)
        for ending in facts.endings {
            let n = ending.count
            issuedBy[ending.serviceCode, default: 0] += n
            if ending.wasCalled { counts.called += n }
            switch ending.state {
            case .done:
                if ending.outcome.flatMap({ rules.outcome($0)?.served }) ?? false {
                    counts.served += n
                    servedBy[ending.serviceCode, default: 0] += n
                } else {
                    counts.notServed += n
                }
            case .noShow:
                counts.noShow += n
                noShowBy[ending.serviceCode, default: 0] += n
            case .cancelled:
                if ending.outcome == OutcomeCode.chiusoFineGiornata.code && !ending.wasCalled {
                    counts.endOfDay += n
                } else {
                    counts.cancelled += n
                }
            case .waiting, .called, .serving, .parked, .transferred:
                counts.open += n
            }
        }
        issued = issuedBy.values.reduce(0, +)
        called = counts.called
        served = counts.served
        closedNotServed = counts.notServed
        noShows = counts.noShow
        cancelled = counts.cancelled
        closedAtEndOfDay = counts.endOfDay
        stillOpen = counts.open
        transfers = facts.eventCounts[TicketAction.transfer(serviceCode: nil, counter: nil, note: "").kind] ?? 0
        recalls = facts.eventCounts[TicketAction.recall.kind] ?? 0
        parks = facts.eventCounts[TicketAction.park(note: nil).kind] ?? 0

        // Waits.
        var all: [Int: Int] = [:], priority: [Int: Int] = [:], byService: [String: [Int: Int]] = [:]
        for wait in facts.waits {
            all[wait.seconds, default: 0] += wait.count
            if wait.isPriority { priority[wait.seconds, default: 0] += wait.count }
            byService[wait.serviceCode, default: [:]][wait.seconds, default: 0] += wait.count
        }
        waits = WaitStatistics(secondsHistogram: all, targetMinutes: targetMinutes)
        priorityWaits = WaitStatistics(secondsHistogram: priority, targetMinutes: targetMinutes)

        // Time at the counters.
        var serviceTime: [String: (tickets: Int, seconds: Int)] = [:]
        var counterTime: [Int: (tickets: Int, seconds: Int)] = [:]
        var operatorTime: [String: (tickets: Int, seconds: Int)] = [:]
        for time in facts.serviceTimes {
            serviceTime[time.serviceCode, default: (0, 0)].tickets += time.tickets
            serviceTime[time.serviceCode, default: (0, 0)].seconds += time.seconds
            counterTime[time.counter, default: (0, 0)].tickets += time.tickets
            counterTime[time.counter, default: (0, 0)].seconds += time.seconds
            if let op = time.operatorID {
                operatorTime[op, default: (0, 0)].tickets += time.tickets
                operatorTime[op, default: (0, 0)].seconds += time.seconds
            }
        }
        func mean(_ t: (tickets: Int, seconds: Int)?) -> Double? {
            guard let t, t.tickets > 0 else { return nil }
            return Double(t.seconds) / Double(t.tickets) / 60
        }

        // Services: configured ones first, in their order, then any other code found.
        let estimates = Dictionary(grouping: facts.estimates, by: \.serviceCode)
        var codes = configuration.services.map(\.code)
        let seen = Set(issuedBy.keys).union(serviceTime.keys).union(byService.keys)
        codes = codes.filter(seen.contains) + seen.subtracting(codes).sorted()
        services = codes.map { code in
            ReportServiceLine(
                code: code, name: configuration.service(code)?.name ?? code, issued: issuedBy[code] ?? 0,
                served: servedBy[code] ?? 0, noShows: noShowBy[code] ?? 0,
                waits: WaitStatistics(secondsHistogram: byService[code] ?? [:], targetMinutes: targetMinutes),
                serviceTickets: serviceTime[code]?.tickets ?? 0, serviceMeanMinutes: mean(serviceTime[code]),
                estimate: ReportEstimate(estimates[code] ?? []))
        }
        estimate = ReportEstimate(facts.estimates)

        // Arrivals per hour slot and weekday.
        let days = Set(facts.arrivals.filter { $0.count > 0 }.map(\.day))
        daysWithTickets = days.count
        var perHour: [Int: Int] = [:], perWeekday: [Weekday: Int] = [:]
        for arrival in facts.arrivals {
            perHour[arrival.hour, default: 0] += arrival.count
            perWeekday[arrival.day.civilWeekday, default: 0] += arrival.count
        }
        let dayCount = Double(max(1, days.count))
        hours = perHour.keys.sorted().map { hour in
            ReportHourSlot(hour: hour, tickets: perHour[hour]!, perDay: Double(perHour[hour]!) / dayCount)
        }
        let daysPerWeekday = Dictionary(grouping: days, by: \.civilWeekday).mapValues(\.count)
        weekdays = Weekday.allCases.compactMap { weekday in
            guard let tickets = perWeekday[weekday] else { return nil }
            let n = daysPerWeekday[weekday] ?? 0
            return ReportWeekdayLine(weekday: weekday, name: weekday.italianName, days: n, tickets: tickets,
                                     perDay: Double(tickets) / Double(max(1, n)))
        }

        // Counters: time serving from the tickets, staffed/idle/paused from the office days.
        var staffed: [Int: (staffed: Int, idle: Int, pauses: Int, paused: [String: Int])] = [:]
        for day in facts.counterDays {
            var entry = staffed[day.counter] ?? (0, 0, 0, [:])
            entry.staffed += day.staffedSeconds
            entry.idle += day.idleSeconds
            entry.pauses += day.pauseCount
            for (reason, seconds) in day.pauseSeconds { entry.paused[reason, default: 0] += seconds }
            staffed[day.counter] = entry
        }
        let counterNumbers = Set(counterTime.keys).union(staffed.keys).sorted()
        counters = counterNumbers.map { number in
            let time = counterTime[number] ?? (0, 0)
            let office = staffed[number] ?? (0, 0, 0, [:])
            return ReportCounterLine(
                counter: number, label: configuration.counter(number)?.label, serviceTickets: time.tickets,
                serviceMinutes: Double(time.seconds) / 60, serviceMeanMinutes: mean(time),
                staffedMinutes: Double(office.staffed) / 60, idleMinutes: Double(office.idle) / 60,
                pauses: office.pauses, pauseMinutes: Double(office.paused.values.reduce(0, +)) / 60,
                pauseMinutesByReason: office.paused.mapValues { Double($0) / 60 })
        }
        operators = operatorTime.keys.sorted().map { op in
            let time = operatorTime[op]!
            return ReportOperatorLine(operatorID: op, serviceTickets: time.tickets,
                                      serviceMinutes: Double(time.seconds) / 60, serviceMeanMinutes: mean(time))
        }
    }
}
