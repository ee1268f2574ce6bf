import Foundation
import Testing
@testable import CruscottoModel

@Suite struct OfficeDayTests {
    static let day = LocalDay(year: 2026, month: 11, day: 30)

    @Test func idleTimeIsOpenCounterWithNobodyCalled() throws {
        var office = OfficeDay(day: Self.day)
        try office.open(at: rome("2026-11-30 08:00"))
        try office.signIn(counter: 1, operatorID: "rossi", at: rome("2026-11-30 08:30"))
        try office.ticketTaken(counter: 1, ticketID: 1, at: rome("2026-11-30 08:40"))
        try office.ticketReleased(counter: 1, at: rome("2026-11-30 08:50"))
        try office.startPause(counter: 1, reason: .screenLocked, at: rome("2026-11-30 09:00"))
        try office.endPause(counter: 1, at: rome("2026-11-30 09:10"))
        try office.ticketTaken(counter: 1, ticketID: 2, at: rome("2026-11-30 09:20"))
        let until = rome("2026-11-30 09:30")
        #expect(office.idleIntervals(counter: 1, until: until).map { $0.duration / 60 } == [10, 10, 10])
        #expect(office.idleSeconds(counter: 1, until: until) == 1800)
        let pauses = office.pauses(counter: 1, until: until)
        #expect(pauses.count == 1 && pauses[0].reason == .screenLocked && pauses[0].reason.isAutomatic)
        #expect(pauses[0].interval.duration == 600)
        #expect(office.activity(of: 1) == .busy(operatorID: "rossi", since: rome("2026-11-30 09:20")))
        #expect(office.idleSeconds(counter: 2, until: until) == 0)
    }

    @Test func idleRunsUntilNowOrClosing() throws {
        var office = OfficeDay(day: Self.day)
        try office.open(at: rome("2026-11-30 08:00"))
        try office.signIn(counter: 2, operatorID: "verdi", at: rome("2026-11-30 08:30"))
        #expect(office.idleSeconds(counter: 2, until: rome("2026-11-30 08:45")) == 900)
        try office.startPause(counter: 2, reason: .rest, at: rome("2026-11-30 10:00"))
        try office.close(at: rome("2026-11-30 13:00"))
        #expect(office.idleSeconds(counter: 2, until: rome("2026-11-30 18:00")) == 90 * 60)
        #expect(office.pauses(counter: 2, until: rome("2026-11-30 18:00")).first?.interval.duration == TimeInterval(3 * 3600))
        #expect(office.activity(of: 2) == .closed)
    }

    @Test func refusals() throws {
        var office = OfficeDay(day: Self.day)
        let t = rome("2026-11-30 08:00")
        #expect(throws: OfficeDayError.notOpen(day: Self.day)) { try office.signIn(counter: 1, operatorID: "rossi", at: t) }
        #expect(throws: OfficeDayError.wrongDay(day: Self.day, instant: LocalDay(year: 2026, month: 12, day: 1))) {
            try office.open(at: rome("2026-12-01 08:00"))
        }
        try office.open(at: t)
        #expect(throws: OfficeDayError.alreadyOpen(day: Self.day)) { try office.open(at: t) }
        try office.signIn(counter: 1, operatorID: "rossi", at: t)
        #expect(throws: OfficeDayError.counterTaken(counter: 1, operatorID: "rossi")) {
            try office.signIn(counter: 1, operatorID: "verdi", at: t)
        }
        #expect(throws: OfficeDayError.operatorElsewhere(operatorID: "rossi", counter: 1)) {
            try office.signIn(counter: 2, operatorID: "rossi", at: t)
        }
        #expect(throws: OfficeDayError.counterNotStaffed(counter: 2)) { try office.startPause(counter: 2, reason: .rest, at: t) }
        try office.startPause(counter: 1, reason: .other("riunione"), at: t)
        #expect(throws: OfficeDayError.alreadyPaused(counter: 1, reason: "riunione")) {
            try office.startPause(counter: 1, reason: .screenLocked, at: t)
        }
        #expect(throws: OfficeDayError.timeGoesBack(counter: 1)) { try office.endPause(counter: 1, at: rome("2026-11-30 07:59")) }
        try office.endPause(counter: 1, at: t)
        #expect(throws: OfficeDayError.notPaused(counter: 1)) { try office.endPause(counter: 1, at: t) }
        #expect(office.counterOf(operatorID: "rossi") == 1)
        try office.signOut(counter: 1, at: t)
        try office.signIn(counter: 2, operatorID: "rossi", at: t)
        #expect(office.operatorAt(counter: 2) == "rossi" && office.operatorAt(counter: 1) == nil)
        try office.close(at: rome("2026-11-30 13:00"))
        #expect(throws: OfficeDayError.alreadyClosed(day: Self.day)) { try office.open(at: t) }
    }

    @Test func endOfDayClosesOnlyWaitingTickets() throws {
        let rules = QueueRules()
        let nine = rome("2026-11-30 09:00")
        let waiting = Fixture.ticket(1, arrival: nine)
        let called = try Fixture.ticket(2, arrival: nine)
            .applying(.call(token: FencingToken(1)), at: nine, counter: 1, operatorID: nil, rules: rules)
        let done = try called.applying(.close(outcome: "servito", procedures: [], contactID: nil),
                                       token: FencingToken(1), at: nine, counter: 1, operatorID: nil, rules: rules)
        var otherDone = done
        otherDone.id = 3
        let cie = Fixture.ticket(4, service: "CIE", prefix: "C", arrival: nine, priority: "over75")
        let (after, report) = OfficeDay.closeWaiting([waiting, called, otherDone, cie], at: rome("2026-11-30 13:00"),
                                                     operatorID: "resp", rules: rules)
        #expect(after.map(\.state) == [.cancelled, .called, .done, .cancelled])
        #expect(after[0].outcome == "chiuso_fine_giornata" && after[0].history.last?.operatorID == "resp")
        #expect(report.closedByService == ["ANA": 1, "CIE": 1] && report.stillAtCounters == ["A002"])
    }
}
