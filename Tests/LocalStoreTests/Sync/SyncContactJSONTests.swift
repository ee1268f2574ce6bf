import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The sync path's contact JSON writes what `ContactEvent.created` writes and reads it back.
@Suite struct SyncContactJSONTests {
    @Test(arguments: [
        (1_796_031_720.0, "2026-11-30T09:42:00.000Z"),
        (1_796_031_720.123, "2026-11-30T09:42:00.123Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500Z"),
        (-1.25, "1969-12-31T23:59:58.750Z"),
    ])
    func instantsRoundTrip(seconds: Double, text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(SyncContactJSON.format(date) == text)
        let parsed = try #require(SyncContactJSON.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test func otherFormsAreReadAndNonsenseRefused() {
        #expect(SyncContactJSON.parse("2026-11-30T09:42:00Z") == Date(timeIntervalSince1970: 1_796_031_720))
        #expect(SyncContactJSON.parse("2026-11-30T10:42:00+01:00") == Date(timeIntervalSince1970: 1_796_031_720))
        #expect(SyncContactJSON.parse("2026-13-30T09:42:00.000Z") == nil)
        #expect(SyncContactJSON.parse("ieri") == nil)
    }

    @Test func theSameContactAsTheOutboxEvent() throws {
        let at = Date(timeIntervalSince1970: 1_796_031_720.25)
        var contact = Contact(id: ContactID(UUIDv7.make(at: at)), details: try #require(contactForm("D'Angelo", "Niccolò", born: "1985-05-10",
                                                                                                     phones: ["333 1234567"]).details),
                              createdAt: at, createdBy: "mrossi")
        contact.lastVisitAt = at.addingTimeInterval(60)
        let fast = try SyncContactJSON.encoder().encode(contact)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: try ContactEvent.created(contact).payload(), as: UTF8.self))
        #expect(try SyncContactJSON.decoder().decode(Contact.self, from: fast) == contact)
    }
}
