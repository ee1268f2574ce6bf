import CruscottoModel
import Foundation
import Testing

/// The report's figures on a hand-built day: every number below was worked out by hand.
struct QueueReportTests {
    static let day = LocalDay(year: 2026, month: 11, day: 26)  // a Thursday

    static func at(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        OfficeCalendar.rome.date(from: DateComponents(year: 2026, month: 11, day: 26, hour: hour, minute: minute,
                                                      second: second))!
    }

    static let configuration = QueueConfiguration(
        services: [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue,
                    hours: OpeningHours(Weekday.allCases, [OpeningInterval(parsing: "00:00-24:00")!]), typicalServiceMinutes: 10),
            Service(code: "CIE", name: "Carta d'identità", prefix: "C", colour: .green,
                    hours: OpeningHours(Weekday.allCases, [OpeningInterval(parsing: "00:00-24:00")!]), typicalServiceMinutes: 20),
        ],
        profiles: [CounterProfile(code: "tutto", name: "Tutto", serviceCodes: ["ANA", "CIE"])],
        counters: [Counter(number: 1, profileCode: "tutto"), Counter(number: 2, profileCode: "tutto")])

    /// Five tickets:
    /// - A001 09:00, called 09:10 at 1 (rossi), served 09:11–09:19 (8 min), servito; estimate 5 → error +5.
    /// - A002 09:05, called 09:30 at 2 (bianchi), served 09:31–09:43 (12 min), servito; estimate 20 → error +5.
    /// - A003 10:20, called 10:21 at 1, recalled twice, no-show at 10:24; no estimate.
    /// - C001 10:40 (priority over75), called 11:20 at 2, served 11:21–11:41 (20 min), transferred to ANA, called
    ///   11:45 at 1, served 11:46–11:50 (4 min), closed documenti_mancanti; estimate 50 → error −10.
    /// - A004 11:55, never called, closed at end of day 13:00.
    static func tickets() throws -> [Ticket] {
        let rules = configuration.rules
        var token: Int64 = 0
        func run(_ ticket: inout Ticket, _ steps: [(TicketAction, Date, Int, String)]) throws {
            for (action, instant, counter, op) in steps {
                var presented = ticket.token
                if case .call = action { token += 1; presented = FencingToken(token) }
                let applied: TicketAction
                if case .call = action { applied = .call(token: FencingToken(token)) } else { applied = action }
                ticket = try ticket.applying(applied, token: presented, at: instant, counter: counter, operatorID: op,
                                             rules: rules)
            }
        }
        let call = TicketAction.call(token: FencingToken(0))
        var a1 = Ticket(id: 1, serviceCode: "ANA", number: TicketNumber(prefix: "A", seq: 1), arrival: at(9, 0))
        a1.estimatedWaitMinutes = 5
        try run(&a1, [(call, at(9, 10), 1, "rossi"), (.startService, at(9, 11), 1, "rossi"),
                      (.close(outcome: "servito", procedures: [], contactID: nil), at(9, 19), 1, "rossi")])
        var a2 = Ticket(id: 2, serviceCode: "ANA", number: TicketNumber(prefix: "A", seq: 2), arrival: at(9, 5))
        a2.estimatedWaitMinutes = 20
        try run(&a2, [(call, at(9, 30), 2, "bianchi"), (.startService, at(9, 31), 2, "bianchi"),
                      (.close(outcome: "servito", procedures: [], contactID: nil), at(9, 43), 2, "bianchi")])
        var a3 = Ticket(id: 3, serviceCode: "ANA", number: TicketNumber(prefix: "A", seq: 3), arrival: at(10, 20))
        try run(&a3, [(call, at(10, 21), 1, "rossi"), (.recall, at(10, 22), 1, "rossi"), (.recall, at(10, 23), 1, "rossi"),
                      (.markNoShow, at(10, 24), 1, "rossi")])
        var c1 = Ticket(id: 4, serviceCode: "CIE", number: TicketNumber(prefix: "C", seq: 1), arrival: at(10, 40),
                        priority: "over75")
        c1.estimatedWaitMinutes = 50
        try run(&c1, [(call, at(11, 20), 2, "bianchi"), (.startService, at(11, 21), 2, "bianchi"),
                      (.transfer(serviceCode: "ANA", counter: nil, note: ""), at(11, 41), 2, "bianchi"),
                      (call, at(11, 45), 1, "rossi"), (.startService, at(11, 46), 1, "rossi"),
                      (.close(outcome: "documenti_mancanti", procedures: [], contactID: nil), at(11, 50), 1, "rossi")])
        var a4 = Ticket(id: 5, serviceCode: "ANA", number: TicketNumber(prefix: "A", seq: 4), arrival: at(11, 55))
        a4 = try a4.applying(.closeAtEndOfDay, at: at(13, 0), counter: nil, operatorID: nil, rules: rules)
        return [a1, a2, a3, c1, a4]
    }

    /// Counter 1 (rossi) 08:30–13:00 with a pause 10:00–10:15; counter 2 (bianchi) 08:30–13:00.
    static func officeDay(tickets: [Ticket]) throws -> OfficeDay {
        var day = OfficeDay(day: Self.day)
        try day.open(at: at(8, 0))
        try day.signIn(counter: 1, operatorID: "rossi", at: at(8, 30))
        try day.signIn(counter: 2, operatorID: "bianchi", at: at(8, 30))
        let busy: [(Int, Int64, Date, Date)] = [
            (1, 1, at(9, 10), at(9, 19)), (2, 2, at(9, 30), at(9, 43)), (1, 3, at(10, 21), at(10, 24)),
            (2, 4, at(11, 20), at(11, 41)), (1, 4, at(11, 45), at(11, 50)),
        ]
        for (counter, id, start, end) in busy {
            if counter == 1 && id == 3 {
                try day.startPause(counter: 1, reason: .rest, at: at(10, 0))
                try day.endPause(counter: 1, at: at(10, 15))
            }
            try day.ticketTaken(counter: counter, ticketID: id, at: start)
            try day.ticketReleased(counter: counter, at: end)
        }
        try day.close(at: at(13, 0))
        return day
    }

    static func report() throws -> QueueReport {
        let tickets = try tickets()
        let facts = QueueReportFacts(from: day, to: day, tickets: tickets, officeDays: [try officeDay(tickets: tickets)],
                                     until: at(20, 0))
        return QueueReport(facts: facts, configuration: configuration)
    }

    @Test func countsHowTicketsEnded() throws {
        let r = try Self.report()
        #expect(r.issued == 5)
        #expect(r.called == 4)
        #expect(r.served == 2)
        #expect(r.closedNotServed == 1)
        #expect(r.noShows == 1)
        #expect(r.closedAtEndOfDay == 1)
        #expect(r.cancelled == 0)
        #expect(r.stillOpen == 0)
        #expect(r.transfers == 1)
        #expect(r.recalls == 2)
        #expect(r.daysWithTickets == 1)
    }

    @Test func waitsAreFirstCallMinusArrival() throws {
        // Waits: 10, 25, 1, 40 minutes (the transfer's second call does not count).
        let w = try Self.report().waits
        #expect(w.count == 4)
        #expect(w.meanMinutes == 19)
        #expect(w.medianMinutes == 10)  // rank ⌈0.5·4⌉ = 2 of 1, 10, 25, 40
        #expect(w.p90Minutes == 40)  // rank ⌈0.9·4⌉ = 4
        #expect(w.longestMinutes == 40)
        #expect(w.shareWithinTarget == 0.5)  // 1 and 10 within 20 minutes
        let r = try Self.report()
        #expect(r.priorityWaits.count == 1)
        #expect(r.priorityWaits.meanMinutes == 40)
        // The CIE ticket's wait stays under CIE, the service it was issued for.
        #expect(r.services.map(\.code) == ["ANA", "CIE"])
        #expect(r.services[0].waits.count == 3)
        #expect(r.services[1].waits.meanMinutes == 40)
    }

    @Test func usersPerHourSlotAndWeekday() throws {
        let r = try Self.report()
        #expect(r.hours.map(\.hour) == [9, 10, 11])
        #expect(r.hours.map(\.tickets) == [2, 2, 1])
        #expect(r.weekdays.map(\.weekday) == [.thursday])
        #expect(r.weekdays.first?.tickets == 5)
    }

    @Test func serviceTimePerServiceCounterAndOperator() throws {
        let r = try Self.report()
        // ANA: 8 + 12 min (A001, A002) plus the transferred ticket's 20 + 4 min under its final
        // service ANA, counted once at counter 2 and once at counter 1: 44 min over 4.
        #expect(r.services[0].serviceTickets == 4)
        #expect(r.services[0].serviceMeanMinutes == 11)
        #expect(r.services[1].serviceTickets == 0)
        let counters = Dictionary(uniqueKeysWithValues: r.counters.map { ($0.counter, $0) })
        #expect(counters[1]?.serviceTickets == 2)
        #expect(counters[1]?.serviceMinutes == 12)
        #expect(counters[2]?.serviceMinutes == 32)
        #expect(r.operators.map(\.operatorID) == ["bianchi", "rossi"])
        #expect(r.operators.map(\.serviceMeanMinutes) == [16, 6])
    }

    @Test func pausesAndIdleTimeFromTheOfficeDay() throws {
        let r = try Self.report()
        let counters = Dictionary(uniqueKeysWithValues: r.counters.map { ($0.counter, $0) })
        // Counter 1: staffed 08:30–13:00 = 270 min; busy 9 + 3 + 5 = 17; pause 15 → idle 238.
        #expect(counters[1]?.staffedMinutes == 270)
        #expect(counters[1]?.pauses == 1)
        #expect(counters[1]?.pauseMinutes == 15)
        #expect(counters[1]?.pauseMinutesByReason == ["pausa": 15])
        #expect(counters[1]?.idleMinutes == 238)
        // Counter 2: busy 13 + 21 = 34 → idle 236.
        #expect(counters[2]?.idleMinutes == 236)
    }

    @Test func estimateErrorOnlyWhereAnEstimateIsStored() throws {
        let r = try Self.report()
        // Errors: +5, +5, −10 (A003 had no estimate, A004 was never called).
        let e = try #require(r.estimate)
        #expect(e.count == 3)
        #expect(e.meanErrorMinutes == 0)
        #expect(abs(e.meanAbsoluteErrorMinutes - 20.0 / 3) < 1e-9)
        #expect(e.withinFiveMinutesShare == 1)
        #expect(r.services[1].estimate?.meanErrorMinutes == -10)
    }

    @Test func estimateErrorAgreesWithTheTotemComparison() throws {
        let e = try #require(try Self.report().estimate)
        let comparison = WaitEstimateComparison(tickets: try Self.tickets())
        #expect(e.count == comparison.count)
        #expect(abs(e.meanErrorMinutes - comparison.meanErrorMinutes) < 1e-9)
        #expect(abs(e.meanAbsoluteErrorMinutes - comparison.meanAbsoluteErrorMinutes) < 1e-9)
        #expect(e.withinFiveMinutesShare == comparison.withinFiveMinutesShare)
    }

    @Test func noEstimateIsInventedWhenNoneIsStored() throws {
        var tickets = try Self.tickets()
        for i in tickets.indices { tickets[i].estimatedWaitMinutes = nil }
        let facts = QueueReportFacts(from: Self.day, to: Self.day, tickets: tickets, officeDays: [], until: Self.at(20, 0))
        let r = QueueReport(facts: facts, configuration: Self.configuration)
        #expect(r.estimate == nil)
        #expect(r.services.allSatisfy { $0.estimate == nil })
    }

    @Test func ticketsOutsideTheRangeAreLeftOut() throws {
        let next = Self.day.addingDays(1)
        let facts = QueueReportFacts(from: next, to: next, tickets: try Self.tickets(), officeDays: [],
                                     until: Self.at(20, 0))
        #expect(facts.isEmpty)
    }

    @Test(arguments: [[1.0, 10, 25, 40], [3, 3, 3], [0.5, 22, 19.75, 1, 7, 90, 45.25, 20, 20.016666]])
    func histogramStatisticsEqualTheListOnes(waits: [Double]) {
        let seconds = waits.map { Int(($0 * 60).rounded()) }
        let histogram = Dictionary(seconds.map { ($0, 1) }, uniquingKeysWith: +)
        let fromHistogram = WaitStatistics(secondsHistogram: histogram, targetMinutes: 20)
        let fromList = WaitStatistics(waits: seconds.map { Double($0) / 60 }, targetMinutes: 20)
        #expect(fromHistogram.count == fromList.count)
        #expect(fromHistogram.medianMinutes == fromList.medianMinutes)
        #expect(fromHistogram.p90Minutes == fromList.p90Minutes)
        #expect(fromHistogram.longestMinutes == fromList.longestMinutes)
        #expect(fromHistogram.shareWithinTarget == fromList.shareWithinTarget)
        #expect(abs(fromHistogram.meanMinutes! - fromList.meanMinutes!) < 1e-9)
    }

    @Test(arguments: [
        ("2026-11-26", 0, "2026-11-26", Weekday.thursday),
        ("2026-11-26", 5, "2026-12-01", .tuesday),
        ("2024-02-28", 1, "2024-02-29", .thursday),
        ("2025-12-31", 1, "2026-01-01", .thursday),
        ("2026-03-01", -1, "2026-02-28", .saturday),
    ])
    func civilDayArithmetic(start: String, days: Int, expected: String, weekday: Weekday) {
        let day = LocalDay(iso: start)!.addingDays(days)
        #expect(day.description == expected)
        #expect(day.civilWeekday == weekday)
    }

    @Test(arguments: [("2026-02-30", false), ("2026-02-28", true), ("2024-02-29", true), ("2025-02-29", false),
                      ("2026-04-31", false)])
    func impossibleDatesAreNotValid(text: String, valid: Bool) {
        #expect(LocalDay(iso: text)?.isValidDate == valid)
    }
}
