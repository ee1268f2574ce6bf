import Foundation
import Testing
@testable import CruscottoModel

@Suite struct CivilDateParsingTests {
    @Test(arguments: [
        ("12/03/1980", "1980-03-12"),
        ("1/3/1980", "1980-03-01"),
        ("12-03-1980", "1980-03-12"),
        ("12.03.1980", "1980-03-12"),
        ("1980-03-12", "1980-03-12"),
        (" 29/02/2024 ", "2024-02-29"),
    ])
    func parses(text: String, iso: String) {
        #expect(CivilDate(parsing: text)?.iso == iso)
    }

    @Test(arguments: ["29/02/2023", "31/04/2024", "2024/03/12", "12/03/80", "", "12/03/1980x", "00/01/2000", "1980-3-12-1"])
    func refuses(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test func dayOfAnInstantInRome() throws {
        let rome = try #require(TimeZone(identifier: "Europe/Rome"))
        // 23:30 UTC on 30 November is already 1 December in Rome.
        let instant = Date(timeIntervalSince1970: 1_796_081_400) // 2026-11-30T23:30:00Z
        #expect(CivilDate(instant, timeZone: rome).iso == "2026-12-01")
    }

    @Test(arguments: [("2026-11-29", true), ("2026-11-30", false), ("2026-12-01", false)])
    func documentExpiry(expiry: String, expired: Bool) {
        let document = IdentityDocument(kind: .electronicIdentityCard, number: "CA00000AA", expiresOn: CivilDate(parsing: expiry))
        #expect(document.isExpired(on: today) == expired)
    }

    @Test func documentWithoutExpiryNeverExpires() {
        #expect(!IdentityDocument(kind: .other, number: "1").isExpired(on: today))
    }
}
