import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

@Suite struct ISOInstantTests {
    @Test(arguments: [
        ("2026-11-30T09:42:00Z", "2026-11-30", 10),
        ("2026-03-28T23:30:00Z", "2026-03-29", 0),   // the night the clocks go forward
        ("2026-10-24T22:30:00Z", "2026-10-25", 0),   // and back
        ("2026-12-31T23:00:00Z", "2027-01-01", 0),
        ("2024-02-29T12:00:59Z", "2024-02-29", 13),
    ])
    func formatsParsesAndGivesTheRomeDayAndHour(text: String, day: String, hour: Int) throws {
        let date = try Date(text, strategy: .iso8601)
        #expect(ISOInstant.format(date) == text)
        #expect(ISOInstant.parse(text) == date)
        #expect(ISOInstant.local(date).day.description == day)
        #expect(ISOInstant.localHour(date) == hour)
    }

    @Test func truncatesToTheWholeSecondAndRefusesOtherShapes() throws {
        let date = try Date("2026-11-30T09:42:00Z", strategy: .iso8601)
        #expect(ISOInstant.format(date.addingTimeInterval(0.999)) == "2026-11-30T09:42:00Z")
        #expect(ISOInstant.wholeSecond(date.addingTimeInterval(0.5)) == date)
        for bad in ["2026-11-30 09:42:00Z", "2026-11-30T09:42:00", "2026-13-30T09:42:00Z", "x"] {
            #expect(ISOInstant.parse(bad) == nil)
        }
    }
}
