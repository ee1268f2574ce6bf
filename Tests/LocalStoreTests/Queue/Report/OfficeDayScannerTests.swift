import CruscottoModel
import Foundation
@testable import LocalStore
import Testing

struct OfficeDayScannerTests {
    @Test func scannerReadsWhatTheEncoderWrote() throws {
        let day = LocalDay(year: 2026, month: 11, day: 26)
        func at(_ minute: Int) -> Date { QueueFixture.rome("2026-11-26 08:00").addingTimeInterval(Double(minute * 60) + 0.5) }
        var office = OfficeDay(day: day)
        try office.open(at: at(0))
        try office.signIn(counter: 1, operatorID: "rossi \"m\"", at: at(10))
        try office.signIn(counter: 2, operatorID: "bianchi.l", at: at(11))
        try office.ticketTaken(counter: 1, ticketID: 42, at: at(20))
        try office.startPause(counter: 2, reason: .other("caffè \"lungo\"\n"), at: at(21))
        try office.ticketReleased(counter: 1, at: at(30))
        try office.endPause(counter: 2, at: at(35))
        try office.startPause(counter: 1, reason: .screenLocked, at: at(40))
        try office.close(at: at(90))
        let text = String(decoding: try JSONEncoder().encode(office), as: UTF8.self)
        let scanned = try #require(OfficeDayScanner.scan(text))
        #expect(scanned.events == office.events)
        #expect(scanned.closedAt == office.closedAt)
        #expect(ReportCounterDay.counters(day: day, events: scanned.events, closedAt: scanned.closedAt, until: at(600))
            == ReportCounterDay.counters(of: office, until: at(600)))
        // Anything it does not understand is refused, not guessed.
        #expect(OfficeDayScanner.scan("{\"events\":[{\"kind\":{\"nuovo\":{}},\"counter\":1,\"at\":1}]}") == nil)
        #expect(OfficeDayScanner.scan("{\"events\":[") == nil)
    }
}
