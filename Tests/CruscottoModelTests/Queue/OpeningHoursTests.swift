import Foundation
import Testing
@testable import CruscottoModel

@Suite struct OpeningHoursTests {
    @Test func closedServiceMessageListsTheHours() {
        #expect(Fixture.anagrafe.closedMessage
            == "Il servizio Anagrafe è chiuso: apre lunedì–venerdì 8:30–12:30, giovedì anche 14:30–17:00")
    }

    @Test(arguments: [
        (OpeningHours([.monday, .wednesday, .friday], [interval("9:00-12:00")]),
         "lunedì, mercoledì e venerdì 9:00–12:00"),
        (OpeningHours([.tuesday, .wednesday, .thursday, .saturday], [interval("9:00-12:00")]),
         "martedì–giovedì e sabato 9:00–12:00"),
        (OpeningHours([.monday, .tuesday], [interval("8:00-13:00"), interval("14:00-16:30")]),
         "lunedì e martedì 8:00–13:00 e 14:00–16:30"),
        (OpeningHours([.saturday: [interval("9:00-12:00")], .monday: [interval("15:00-18:00")]]),
         "lunedì 15:00–18:00, sabato 9:00–12:00"),
        (OpeningHours(), "nessun orario di apertura"),
    ])
    func italianDescription(hours: OpeningHours, expected: String) {
        #expect(hours.italianDescription == expected)
    }

    @Test(arguments: [
        ("2026-11-30 08:29", false), ("2026-11-30 08:30", true), ("2026-11-30 12:29", true),
        ("2026-11-30 12:30", false), ("2026-12-03 15:00", true), ("2026-12-02 15:00", false),
        ("2026-12-05 10:00", false), ("2026-12-06 10:00", false),
    ])
    func isOpenInRomeLocalTime(instant: String, open: Bool) {
        #expect(Fixture.anagrafe.isOpen(at: rome(instant)) == open)
    }

    /// On the days the clocks change, the same UTC instant is a different local hour.
    @Test(arguments: [
        ("2026-03-22T07:45:00Z", true), ("2026-03-22T07:15:00Z", false),   // CET: 8:45, 8:15
        ("2026-03-29T06:45:00Z", true), ("2026-03-29T06:15:00Z", false),   // CEST: 8:45, 8:15
        ("2026-10-25T07:45:00Z", true), ("2026-10-25T07:15:00Z", false),   // CET again
        ("2026-10-18T06:45:00Z", true), ("2026-10-18T07:35:00Z", false),   // CEST: 8:45, 9:35
    ])
    func isOpenAcrossDaylightSavingChanges(instant: String, open: Bool) {
        let sundayMorning = OpeningHours([.sunday], [interval("8:30-9:30")])
        #expect(sundayMorning.isOpen(at: utc(instant)) == open)
    }

    @Test func intervalParsingRefusesNonsense() {
        #expect(OpeningInterval(parsing: "8:30-12:30") == OpeningInterval(startMinute: 510, endMinute: 750))
        #expect(OpeningInterval(parsing: "08:30–12:30")?.italianText == "8:30–12:30")
        for bad in ["12:30-8:30", "8-12", "25:00-26:00", "8:30", "8:61-9:00", "", "8:30-24:01"] {
            #expect(OpeningInterval(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func serviceRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Fixture.anagrafe)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"14:30-17:00\""))
        #expect(try JSONDecoder().decode(Service.self, from: data) == Fixture.anagrafe)
    }

    @Test func unknownWeekdayIsRefused() {
        let json = Data(#"{"lun": ["08:30-12:30"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OpeningHours.self, from: json) }
    }
}
