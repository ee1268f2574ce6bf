import Foundation
import Testing
@testable import CruscottoModel

@Suite struct ContactEventTests {
    static let id = ContactID("0190f5a0-0000-7000-8000-000000000001")!
    static let details = ContactDetails(
        fiscalCode: "RSSMRA80C12G535T", surname: "Rossi", name: "Mario", sex: .male,
        birthDate: CivilDate(year: 1980, month: 3, day: 12), phones: [PhoneNumber("3331234567")!],
        consents: [Consent(kind: .privacyNotice, granted: true, recordedOn: today)])
    static let instant = Date(timeIntervalSince1970: 1_796_000_000.25)

    @Test(arguments: [
        ContactEvent.created(Contact(id: id, details: details, createdAt: instant, createdBy: "mrossi")),
        .updated(id: id, details: details, by: "abianchi", at: instant),
        .visited(id: id, at: instant),
    ])
    func payloadRoundTrips(event: ContactEvent) throws {
        let payload = try event.payload()
        #expect(try ContactEvent.decode(type: event.type, version: ContactEvent.payloadVersion, payload: payload) == event)
        #expect(try event.payload() == payload)
        #expect(event.contactID == Self.id)
    }

    @Test func visitedPayloadIsStable() throws {
        let text = String(decoding: try ContactEvent.visited(id: Self.id, at: Self.instant).payload(), as: UTF8.self)
        #expect(text == #"{"id":"0190f5a0-0000-7000-8000-000000000001","visitedAt":"2026-11-30T00:53:20.250Z"}"#)
    }

    @Test func unknownTypeOrVersionIsNotGuessed() throws {
        let payload = try ContactEvent.visited(id: Self.id, at: Self.instant).payload()
        #expect(try ContactEvent.decode(type: "contact.merged", version: 1, payload: payload) == nil)
        #expect(try ContactEvent.decode(type: "contact.visited", version: 2, payload: payload) == nil)
    }
}
