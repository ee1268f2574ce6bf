import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// Found by the fault suite (clocks with sub-millisecond instants): the outbox payload of a
/// contact rounded its instants to the millisecond while the store truncates them, so the
/// registry held a contact created one millisecond later than at its own station.
@Suite struct EventInstantTests {
    @Test(arguments: [0.0, 0.0004, 0.4169, 0.9996, 0.999_999])
    func aPayloadInstantIsTheStoredOne(fraction: Double) throws {
        let instant = Date(timeIntervalSince1970: 1_796_031_720 + fraction)
        let store = try AppDatabase.inMemory(clock: FixedClock(instant))
        var draft = ContactDraft()
        draft.surname = "Rossi"
        draft.name = "Mario"
        draft.sex = "M"
        let contact = try store.createContact(draft.validated(today: CivilDate(year: 2026, month: 11, day: 30)!),
                                              context: AccessContext(operatorUsername: "op", stationID: "sportello-1", purpose: .service))
        let payload = try #require(try store.syncOutboxBatch(limit: 1).first).payload
        let stored = StoredInstant.iso(instant)
        #expect(payload.contains("\"createdAt\":\"\(stored)\""))
        #expect(SyncContactJSON.format(instant) == stored)
        _ = contact
    }
}
