import Foundation
import Testing
@testable import CruscottoModel

@Suite struct TicketNumberTests {
    @Test(arguments: [("A", 1, "A001"), ("A", 42, "A042"), ("C", 999, "C999"), ("AB", 1000, "AB1000")])
    func displayWidth(prefix: String, seq: Int, text: String) {
        let number = TicketNumber(prefix: prefix, seq: seq)
        #expect(number.display == text)
        #expect(TicketNumber(parsing: text) == number)
    }

    @Test(arguments: ["a42", " A042 ", "A42"])
    func parsingIsLenientOnCaseAndPadding(text: String) {
        #expect(TicketNumber(parsing: text) == TicketNumber(prefix: "A", seq: 42))
    }

    @Test(arguments: ["042", "A", "A0", "ABC1", "A-1", "Ä12", "A12B"])
    func parsingRefuses(text: String) {
        #expect(TicketNumber(parsing: text) == nil)
    }

    @Test func numberingIsPerPrefixAndDayAndNeverReused() {
        var numbering = TicketNumbering()
        let monday = LocalDay(year: 2026, month: 11, day: 30)
        let tuesday = LocalDay(year: 2026, month: 12, day: 1)
        #expect(numbering.next(prefix: "A", day: monday).seq == 1)
        #expect(numbering.next(prefix: "A", day: monday).seq == 2)
        #expect(numbering.next(prefix: "C", day: monday).seq == 1)
        #expect(numbering.next(prefix: "A", day: tuesday).seq == 1)
        #expect(numbering.next(prefix: "A", day: monday).seq == 3)
        #expect(numbering.lastIssued(prefix: "A", day: monday) == 3)
    }

    /// The office day is the Europe/Rome date, also on the nights the clocks change.
    @Test(arguments: [
        ("2026-11-30T22:59:00Z", "2026-11-30"), ("2026-11-30T23:01:00Z", "2026-12-01"),
        ("2026-03-28T22:59:00Z", "2026-03-28"), ("2026-03-28T23:30:00Z", "2026-03-29"),
        ("2026-03-29T21:59:00Z", "2026-03-29"), ("2026-03-29T22:01:00Z", "2026-03-30"),
        ("2026-10-24T21:59:00Z", "2026-10-24"), ("2026-10-24T22:01:00Z", "2026-10-25"),
        ("2026-10-25T22:59:00Z", "2026-10-25"), ("2026-10-25T23:01:00Z", "2026-10-26"),
    ])
    func localDay(instant: String, day: String) {
        #expect(LocalDay(containing: utc(instant)).description == day)
    }

    @Test func numberingRestartsAtRomeMidnight() async throws {
        let clock = TestClock(rome("2026-11-30 23:59"))
        let backend = try InMemoryQueueBackend(configuration: Fixture.configuration(hours: Fixture.allDay), clock: clock)
        let first = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.set(rome("2026-11-30 23:59:40"))
        let second = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.set(rome("2026-12-01 00:01"))
        let third = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        #expect([first, second, third].map(\.number.display) == ["A001", "A002", "A001"])
        #expect(first.day.description == "2026-11-30")
        #expect(third.day.description == "2026-12-01")
        #expect(Set([first.id, second.id, third.id]).count == 3)
        // "A001" today is the new ticket; yesterday's waiting ones are not called today.
        #expect(try await backend.ticket(number: TicketNumber(prefix: "A", seq: 1)).id == third.id)
        let claim = try await backend.claim(ClaimRequest(counter: 1))
        #expect(claim?.ticket.id == third.id)
        #expect(try await backend.claim(ClaimRequest(counter: 2)) == nil)
    }

    @Test func numberingAcrossTheAutumnChange() async throws {
        let clock = TestClock(utc("2026-10-25T22:59:00Z"))   // 23:59 CET
        let backend = try InMemoryQueueBackend(configuration: Fixture.configuration(hours: Fixture.allDay), clock: clock)
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        let late = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        clock.set(utc("2026-10-25T23:01:00Z"))                // 00:01 on the 26th
        let early = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        #expect(late.number.display == "C002")
        #expect(late.day.description == "2026-10-25")
        #expect(early.number.display == "C001")
        #expect(early.day.description == "2026-10-26")
    }
}
