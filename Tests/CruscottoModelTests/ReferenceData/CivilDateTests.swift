import Foundation
import Testing
@testable import CruscottoModel

@Suite struct CivilDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01"])
    func parsesRealDays(text: String) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.iso == text)
    }

    @Test(arguments: ["1900-02-29", "2023-02-29", "1980-02-30", "1980-04-31", "1980-13-01", "1980-00-10", "1980-1-01", "19800101", ""])
    func rejectsImpossibleOrMalformed(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func italianFormAndOrdering() throws {
        let a = try #require(CivilDate(year: 1980, month: 1, day: 2))
        let b = try #require(CivilDate(year: 1980, month: 2, day: 1))
        #expect(a.italian == "02/01/1980")
        #expect(a < b)
    }

    @Test func dayOfAnInstantInRome() throws {
        // 23:30 UTC on 31 December is already 1 January in Rome.
        let instant = Date(timeIntervalSince1970: 1_704_065_400) // 2023-12-31T23:30:00Z
        let rome = try #require(TimeZone(identifier: "Europe/Rome"))
        #expect(CivilDate(instant, timeZone: rome).iso == "2024-01-01")
    }
}
