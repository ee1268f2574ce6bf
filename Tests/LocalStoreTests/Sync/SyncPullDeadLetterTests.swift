import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// Central data the station cannot read never blocks the pull: it waits among the dead letters.
@Suite struct SyncPullDeadLetterTests {
    static let start = Date(timeIntervalSince1970: 1_796_031_720)

    static func change(_ position: Int64, id: String, data: String, version: Int = 1, table: String = "contact") -> SyncChange {
        SyncChange(position: position, table: table, rowID: id, version: 1, originStation: "sportello-2",
                   originEvent: "e\(position)", payloadVersion: version, data: data, mergedInto: nil)
    }

    @Test func unreadableChangesAreSetAsideAndTheRestIsApplied() throws {
        let store = try AppDatabase.inMemory(clock: MovingClock(Self.start))
        let good = Contact(id: ContactID(UUIDv7.make(at: Self.start)), details: try #require(contactForm("Rossi", "Mario", born: "1980-03-12").details),
                           createdAt: Self.start, createdBy: "op")
        let goodJSON = String(decoding: try ContactEvent.created(good).payload(), as: UTF8.self)
        let page = SyncPage(changes: [
            Self.change(1, id: "a", data: "{not json"),
            Self.change(2, id: good.id.rawValue, data: goodJSON, version: 2),
            Self.change(3, id: good.id.rawValue, data: goodJSON, table: "ticket"),
            Self.change(4, id: good.id.rawValue, data: goodJSON),
        ], hasMore: false)
        let outcome = try store.applySyncPage(page, station: "sportello-1")
        #expect(outcome.applied == 1)
        #expect(outcome.deadLetters == 3)
        #expect(try store.syncPulledPosition() == 4)
        let letters = try store.syncDeadLetters()
        #expect(letters.map(\.direction) == [.pull, .pull, .pull])
        #expect(letters[0].reason.hasPrefix("dati centrali non leggibili per il contatto a"))
        #expect(letters[1].reason == "versione 2 dei dati centrali: questo programma legge fino alla 1")
        #expect(letters[2].reason == "tabella sconosciuta nel registro centrale: ticket")
        #expect(try store.openDeadLetterCount() == 3)
        let context = AccessContext(operatorUsername: "op", stationID: "sportello-1", purpose: .service)
        #expect(try store.contact(good.id.rawValue, context: context).contact == good)

        // Retrying a letter that still cannot be read leaves it open and records nothing.
        #expect(throws: SyncError.self) {
            try store.retryDeadLetter(letters[0].id, reason: "riprova", operator: "admin", osUser: "root", station: "sportello-1")
        }
        #expect(try store.openDeadLetterCount() == 3)
        #expect(try store.adminActions().isEmpty)
        try store.skipDeadLetter(letters[0].id, reason: "dato corrotto", operator: "admin", osUser: "root")
        #expect(try store.openDeadLetterCount() == 2)
        #expect(try store.adminActions().map(\.target).first?.hasPrefix("dead_letter:\(letters[0].id)") == true)
    }
}
