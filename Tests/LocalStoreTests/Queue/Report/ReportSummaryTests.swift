import CruscottoModel
import Foundation
import GRDB
@testable import LocalStore
import Testing

/// Per-day report summaries (`queue_report_day`): a range read from summaries gives exactly
/// the facts and the report computed from tickets; a change after the closing drops the
/// day's summary; days without one are summarised by the report.
struct ReportSummaryTests {
    static func summarisedDays(_ backend: SQLiteQueueBackend) throws -> [String] {
        try backend.writer.read { db in
            try String.fetchAll(db, sql: "SELECT local_day FROM queue_report_day ORDER BY local_day")
        }
    }

    /// A day through the protocol on 2026-11-26: served, transferred, no-show, paused, a
    /// ticket left waiting at the closing and, when `leaveAtCounter`, one still in service.
    static func protocolDay(_ backend: SQLiteQueueBackend, _ clock: QueueTestClock, leaveAtCounter: Bool) async throws
        -> QueueClaim? {
        func at(_ text: String) { clock.set(QueueFixture.rome("2026-11-26 " + text)) }
        at("08:00"); try await backend.openOffice()
        at("08:30"); try await backend.signIn(counter: 1, operatorID: "rossi")
        try await backend.signIn(counter: 2, operatorID: "bianchi")
        for (minute, service) in [(0, "ANA"), (3, "ANA"), (7, "CIE"), (12, "STC"), (20, "ANA"), (31, "CIE")] {
            at("09:\(String(format: "%02d", minute))")
            _ = try await backend.issue(IssueRequest(serviceCode: service, priority: minute == 7 ? "over75" : nil))
        }
        at("09:40"); let a = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "rossi")))
        at("09:41"); _ = try await backend.transition(TransitionRequest(ticketID: a.ticket.id, token: a.token,
                                                                        action: .startService, counter: 1, operatorID: "rossi"))
        at("09:52"); _ = try await backend.transition(TransitionRequest(
            ticketID: a.ticket.id, token: a.token, action: .transfer(serviceCode: "STC", counter: nil, note: ""),
            counter: 1, operatorID: "rossi"))
        at("09:55"); let b = try #require(try await backend.claim(ClaimRequest(counter: 2, operatorID: "bianchi")))
        at("09:56"); _ = try await backend.transition(TransitionRequest(ticketID: b.ticket.id, token: b.token,
                                                                        action: .recall, counter: 2, operatorID: "bianchi"))
        at("09:57"); _ = try await backend.transition(TransitionRequest(ticketID: b.ticket.id, token: b.token,
                                                                        action: .recall, counter: 2, operatorID: "bianchi"))
        at("09:58"); _ = try await backend.transition(TransitionRequest(ticketID: b.ticket.id, token: b.token,
                                                                        action: .markNoShow, counter: 2, operatorID: "bianchi"))
        at("10:05"); try await backend.pause(counter: 2, reason: .phone)
        at("10:17"); try await backend.resume(counter: 2)
        at("10:20"); let c = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "rossi")))
        at("10:21"); _ = try await backend.transition(TransitionRequest(ticketID: c.ticket.id, token: c.token,
                                                                        action: .startService, counter: 1, operatorID: "rossi"))
        at("10:38"); _ = try await backend.transition(TransitionRequest(
            ticketID: c.ticket.id, token: c.token, action: .close(outcome: "servito", procedures: [], contactID: nil),
            counter: 1, operatorID: "rossi"))
        var held: QueueClaim?
        if leaveAtCounter {
            at("11:00"); let d = try #require(try await backend.claim(ClaimRequest(counter: 2, operatorID: "bianchi")))
            at("11:01"); _ = try await backend.transition(TransitionRequest(
                ticketID: d.ticket.id, token: d.token, action: .startService, counter: 2, operatorID: "bianchi"))
            held = d
        }
        at("12:45"); _ = try await backend.closeOffice(operatorID: "responsabile")
        return held
    }

    @Test func summariesGiveTheFactsAndTheReportOfTheTickets() async throws {
        let dir = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-26 07:00"))
        let backend = try CentralQueueFile.openBackend(path: dir.centralPath, clock: clock)
        try await backend.replaceConfiguration(QueueFixture.configuration(hours: QueueFixture.allDay))
        // Four loaded days (closed, summarised as the closing does), a protocol day closed
        // through `closeOffice`, and an open day with tickets.
        let loaded = try QueueReportYearLoader.load(into: backend, lastDay: LocalDay(year: 2026, month: 11, day: 25),
                                                    days: 4, ticketsPerDay: 90, counters: 3, seed: 11)
        _ = try await Self.protocolDay(backend, clock, leaveAtCounter: false)
        clock.set(QueueFixture.rome("2026-11-27 09:00"))
        try await backend.openOffice()
        for service in ["ANA", "CIE", "ANA"] {
            _ = try await backend.issue(IssueRequest(serviceCode: service))
            clock.advance(minutes: 4)
        }
        _ = try #require(try await backend.claim(ClaimRequest(counter: 3, operatorID: nil)))
        clock.set(QueueFixture.rome("2026-11-27 10:00"))

        let from = loaded.firstDay, to = LocalDay(year: 2026, month: 11, day: 27)
        #expect(try Self.summarisedDays(backend) == ["2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25",
                                                      "2026-11-26"])
        let summarised = try await backend.reportFacts(from: from, to: to)
        let fromTickets = try await backend.reportFactsFromTickets(from: from, to: to)
        #expect(summarised == fromTickets)
        let configuration = try await backend.configuration()
        let report = QueueReport(facts: summarised, configuration: configuration)
        let expected = QueueReport(facts: fromTickets, configuration: configuration)
        #expect(report == expected)
        #expect(report.issued == 4 * 90 + 6 + 3)
        #expect(report.waits.medianMinutes == expected.waits.medianMinutes)
        #expect(report.waits.p90Minutes == expected.waits.p90Minutes)
        #expect(report.waits.meanMinutes == expected.waits.meanMinutes)
        #expect(report.waits.shareWithinTarget == expected.waits.shareWithinTarget)
        #expect(report.transfers >= 1 && report.noShows >= 1)

        // Ranges that cut through summarised days and start or end on days without data.
        for (a, b) in [(from.addingDays(-2), from), (from.addingDays(1), to.addingDays(-2)), (to, to)] {
            let one = try await backend.reportFacts(from: a, to: b)
            #expect(one == (try await backend.reportFactsFromTickets(from: a, to: b)))
        }
        // The Swift definitions over the stored tickets agree with both.
        var officeDays: [OfficeDay] = []
        var day = from
        while day <= to {
            if let officeDay = try await backend.officeDay(day) { officeDays.append(officeDay) }
            day = day.addingDays(1)
        }
        let swift = QueueReportFacts(from: from, to: to, tickets: try ReportStoreTests.allTickets(backend),
                                     officeDays: officeDays, until: clock.now())
        #expect(summarised == swift)
    }

    @Test func aChangeAfterTheClosingDropsTheDaySummaryAndTheReportWritesItAgain() async throws {
        let dir = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-26 07:00"))
        let backend = try CentralQueueFile.openBackend(path: dir.centralPath, clock: clock)
        try await backend.replaceConfiguration(QueueFixture.configuration(hours: QueueFixture.allDay))
        let held = try #require(try await Self.protocolDay(backend, clock, leaveAtCounter: true))
        let day = ReportStoreTests.day
        #expect(try Self.summarisedDays(backend) == ["2026-11-26"])
        let atClosing = try await backend.reportFacts(from: day, to: day)

        // The citizen still at counter 2 at the closing is served afterwards.
        clock.set(QueueFixture.rome("2026-11-26 12:55"))
        _ = try await backend.transition(TransitionRequest(
            ticketID: held.ticket.id, token: held.token,
            action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 2, operatorID: "bianchi"))
        #expect(try Self.summarisedDays(backend) == [])

        clock.set(QueueFixture.rome("2026-11-26 18:00"))
        let after = try await backend.reportFacts(from: day, to: day)
        #expect(after != atClosing)
        #expect(after == (try await backend.reportFactsFromTickets(from: day, to: day)))
        let configuration = try await backend.configuration()
        #expect(QueueReport(facts: after, configuration: configuration).served
            == QueueReport(facts: atClosing, configuration: configuration).served + 1)
        // The report summarised the day again, with the new facts.
        #expect(try Self.summarisedDays(backend) == ["2026-11-26"])
        #expect(try await backend.reportFacts(from: day, to: day) == after)
    }

    @Test func closedDaysWithoutSummaryAreSummarisedByTheFirstReport() async throws {
        let dir = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-28 08:00"))
        let backend = try CentralQueueFile.openBackend(path: dir.centralPath, clock: clock)
        let loaded = try QueueReportYearLoader.load(into: backend, lastDay: ReportStoreTests.day, days: 3,
                                                    ticketsPerDay: 60, counters: 3, seed: 5)
        let before = try await backend.reportFacts(from: loaded.firstDay, to: loaded.lastDay)
        // As a file closed before summaries existed, and a summary of an unknown format.
        try await backend.writer.write { db in
            try db.execute(sql: "DELETE FROM queue_report_day WHERE local_day <> ?", arguments: ["2026-11-26"])
            try db.execute(sql: "UPDATE queue_report_day SET format = 99")
        }
        #expect(try Self.summarisedDays(backend).count == 1)
        let after = try await backend.reportFacts(from: loaded.firstDay, to: loaded.lastDay)
        #expect(after == before)
        #expect(try Self.summarisedDays(backend) == ["2026-11-24", "2026-11-25", "2026-11-26"])
        #expect(after == (try await backend.reportFactsFromTickets(from: loaded.firstDay, to: loaded.lastDay)))
    }

    @Test func codecRoundTripAndRefusal() throws {
        let day = ReportStoreTests.day
        var facts = QueueReportFacts(
            from: day, to: day,
            waits: [ReportWaitCount(serviceCode: "ANA", isPriority: false, seconds: 0, count: 3),
                    ReportWaitCount(serviceCode: "ANA", isPriority: true, seconds: 86_399, count: 1),
                    ReportWaitCount(serviceCode: "CIE", isPriority: false, seconds: 1_234, count: 200)],
            arrivals: [ReportArrivalCount(day: day, hour: 8, count: 12), ReportArrivalCount(day: day, hour: 15, count: 1)],
            endings: [ReportEndingCount(serviceCode: "ANA", state: .done, outcome: "servito", wasCalled: true, count: 9),
                      ReportEndingCount(serviceCode: "CIE", state: .waiting, outcome: nil, wasCalled: false, count: 2)],
            serviceTimes: [ReportServiceTime(serviceCode: "ANA", counter: 2, operatorID: nil, tickets: 1, seconds: 60),
                           ReportServiceTime(serviceCode: "ANA", counter: 12, operatorID: "d'angelo", tickets: 8,
                                             seconds: 4_800)],
            estimates: [ReportEstimateSum(serviceCode: "ANA", count: 9, errorSeconds: -1_250, absoluteErrorSeconds: 3_000,
                                          withinFiveMinutes: 7)],
            eventCounts: ["recall": 4, "transfer": 1],
            counterDays: [ReportCounterDay(day: day, counter: 1, operators: ["rossi", "bianchi"], staffedSeconds: 14_400,
                                           idleSeconds: 3_600, pauseSeconds: ["telefonata": 600, "pausa": 900],
                                           pauseCount: 2)])
        facts.normalize()
        let bytes = ReportDaySummaryCodec.encode(facts)
        #expect(ReportDaySummaryCodec.decode(bytes, day: day) == facts)
        // Cut or padded bytes are not a summary: the day is then computed from its tickets.
        #expect(ReportDaySummaryCodec.decode(Array(bytes.dropLast()), day: day) == nil)
        #expect(ReportDaySummaryCodec.decode(bytes + [0], day: day) == nil)
        #expect(ReportDaySummaryCodec.decode([], day: day) == nil)
    }
}
