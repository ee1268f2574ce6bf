import CruscottoModel
import Foundation
@testable import LocalStore
import Testing

/// The report's SQL on the central file: a hand-built day through the protocol, a year
/// loader sample, and the simulated day whose report must match the simulation exactly.
struct ReportStoreTests {
    static let day = LocalDay(year: 2026, month: 11, day: 26)

    /// Every ticket of the central file, as the backend stores them (latest snapshot of each).
    static func allTickets(_ backend: SQLiteQueueBackend) throws -> [Ticket] {
        try backend.writer.read { db in
            try TicketRows.loadAll(db, sql: "SELECT * FROM queue_ticket ORDER BY id", arguments: [])
        }
    }

    @Test func handBuiltDayThroughTheProtocol() async throws {
        let dir = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-26 08:00"))
        let backend = try CentralQueueFile.openBackend(path: dir.centralPath, clock: clock)
        try await backend.replaceConfiguration(QueueFixture.configuration(hours: QueueFixture.allDay))
        try await backend.openOffice()
        clock.set(QueueFixture.rome("2026-11-26 08:30"))
        try await backend.signIn(counter: 1, operatorID: "rossi")
        func at(_ text: String) { clock.set(QueueFixture.rome("2026-11-26 " + text)) }

        at("09:00"); let a1 = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        at("09:05"); let a2 = try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "over75"))
        at("09:10"); let c1 = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "rossi")))
        #expect(c1.ticket.id == a2.id || c1.ticket.id == a1.id)
        at("09:11"); _ = try await backend.transition(TransitionRequest(ticketID: c1.ticket.id, token: c1.token,
                                                                        action: .startService, counter: 1, operatorID: "rossi"))
        at("09:19"); _ = try await backend.transition(TransitionRequest(
            ticketID: c1.ticket.id, token: c1.token, action: .close(outcome: "servito", procedures: [], contactID: nil),
            counter: 1, operatorID: "rossi"))
        at("09:40"); try await backend.pause(counter: 1, reason: .phone)
        at("09:50"); try await backend.resume(counter: 1)
        at("10:02"); let c2 = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "rossi")))
        at("10:03"); _ = try await backend.transition(TransitionRequest(ticketID: c2.ticket.id, token: c2.token,
                                                                        action: .recall, counter: 1, operatorID: "rossi"))
        at("10:04"); _ = try await backend.transition(TransitionRequest(ticketID: c2.ticket.id, token: c2.token,
                                                                        action: .recall, counter: 1, operatorID: "rossi"))
        at("10:05"); _ = try await backend.transition(TransitionRequest(ticketID: c2.ticket.id, token: c2.token,
                                                                        action: .markNoShow, counter: 1, operatorID: "rossi"))
        at("11:00"); _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        at("12:30"); try await backend.signOut(counter: 1)
        at("12:31"); let end = try await backend.closeOffice(operatorID: nil)
        #expect(end.closedCount == 1)

        clock.set(QueueFixture.rome("2026-11-26 18:00"))
        let facts = try await backend.reportFacts(from: Self.day, to: Self.day)
        let report = QueueReport(facts: facts, configuration: try await backend.configuration())
        // By hand: the priority ticket (09:05) is called first at 10:02? No: interleave makes
        // the first call a priority call, so A002 is called at 09:10 (wait 5) and A001 at
        // 10:02 (wait 62) and does not show up.
        #expect(c1.ticket.id == a2.id)
        #expect(report.issued == 3)
        #expect(report.called == 2)
        #expect(report.served == 1)
        #expect(report.noShows == 1)
        #expect(report.closedAtEndOfDay == 1)
        #expect(report.recalls == 2)
        #expect(report.waits.meanMinutes == 33.5)
        #expect(report.waits.medianMinutes == 5)
        #expect(report.waits.p90Minutes == 62)
        #expect(report.waits.shareWithinTarget == 0.5)
        #expect(report.priorityWaits.meanMinutes == 5)
        #expect(report.hours.map(\.tickets) == [2, 1])
        #expect(report.operators.map(\.serviceMinutes) == [8])
        let counter = try #require(report.counters.first)
        // 08:30–12:30 staffed (240), busy 09:10–09:19 and 10:02–10:05 (12), pause 10 → idle 218.
        #expect(counter.staffedMinutes == 240)
        #expect(counter.pauseMinutesByReason == ["telefonata": 10])
        #expect(counter.idleMinutes == 218)
        // The estimates the backend kept: A001 0 min with nobody ahead, A002 1 ahead.
        #expect(report.estimate?.count == 2)

        // The SQL facts equal the Swift definitions over the stored tickets and office day.
        let stored = try QueueReportFacts(
            from: Self.day, to: Self.day, tickets: Self.allTickets(backend),
            officeDays: [#require(try await backend.officeDay(Self.day))], until: QueueFixture.rome("2026-11-26 18:00"))
        #expect(facts == stored)
    }

    @Test func emptyRangeHasNoFacts() async throws {
        let dir = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-26 08:00"))
        let backend = try CentralQueueFile.openBackend(path: dir.centralPath, clock: clock)
        let facts = try await backend.reportFacts(from: Self.day.addingDays(-3), to: Self.day)
        #expect(facts.isEmpty)
    }

    @Test func yearLoaderSampleAgreesWithTheSwiftDefinitions() async throws {
        let dir = try QueueTempDirectory()
        let clock = QueueTestClock(QueueFixture.rome("2026-11-28 08:00"))
        let backend = try CentralQueueFile.openBackend(path: dir.centralPath, clock: clock)
        let summary = try QueueReportYearLoader.load(into: backend, lastDay: Self.day, days: 3, ticketsPerDay: 120,
                                                     counters: 4, seed: 7)
        #expect(summary.tickets == 360)
        let first = summary.firstDay
        let facts = try await backend.reportFacts(from: first, to: Self.day)
        let officeDays = try await [backend.officeDay(first), backend.officeDay(first.addingDays(1)),
                                    backend.officeDay(Self.day)].compactMap { $0 }
        let stored = QueueReportFacts(from: first, to: Self.day, tickets: try Self.allTickets(backend),
                                      officeDays: officeDays, until: clock.now())
        #expect(facts == stored)
        let report = QueueReport(facts: facts, configuration: try await backend.configuration())
        #expect(report.issued == 360)
        #expect(report.daysWithTickets == 3)
        // A range of one day reads only that day's tickets.
        let one = try await backend.reportFacts(from: Self.day, to: Self.day)
        #expect(QueueReport(facts: one, configuration: try await backend.configuration()).issued == 120)
    }

    @Test(arguments: [UInt64(1), 2])
    func simulatedDayReportMatchesTheSimulation(seed: UInt64) async throws {
        let dir = try QueueTempDirectory()
        let run = try await QueueDaySimulationRun.play(day: Self.day, seed: seed, path: dir.centralPath)
        #expect(run.mismatches == [])
        #expect(run.report == run.expected)
        // The day is a real one: many citizens, some no-shows and transfers, pauses taken.
        #expect(run.report.issued > 150)
        #expect(run.report.noShows > 0)
        #expect(run.report.transfers > 0)
        #expect(run.report.counters.contains { $0.pauses > 0 })
        #expect(run.report.issued == run.issuedByService.values.reduce(0, +))
    }
}
