import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// One contract for both central backends: events applied once whatever the deliveries,
/// refusals kept apart, versions checked, conflicts settled by their rule and listed, and two
/// stations ending with the same data.
@Suite struct SyncContractTests {
    static let start = Date(timeIntervalSince1970: 1_796_031_720) // 2026-11-30T09:42:00Z

    @Test(arguments: SyncBackendKind.available)
    func duplicatedAndReorderedDeliveriesApplyEachEventOnce(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncdup", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            let rossi = try a.create("Rossi", "Mario", born: "1980-03-12")
            let verdi = try a.create("Verdi", "Anna", born: "1975-07-01")
            let created = try a.store.syncOutboxBatch(limit: 10)
            #expect(created.map(\.type) == ["contact.created", "contact.created"])
            let versions = try a.versions
            // Delivered twice, the second time reversed and together with a new one.
            let first = try await central.push(created, from: versions)
            #expect(first.map(\.outcome) == [.applied, .applied])
            let again = try await central.push(created.reversed(), from: versions)
            #expect(again.map(\.outcome) == [.duplicate, .duplicate])

            // Two visits arriving in the opposite order: the later visit wins.
            clock.advance(60)
            _ = try a.store.appendContactHistory(rossi.id, kind: .ticket, summary: "A001", context: a.context)
            clock.advance(60)
            _ = try a.store.appendContactHistory(rossi.id, kind: .ticket, summary: "A002", context: a.context)
            let batch = try a.store.syncOutboxBatch(limit: 20).filter { $0.type == "contact.visited" }
            #expect(batch.count == 2)
            let reordered = try await central.push([batch[1], batch[0], batch[1]], from: versions)
            #expect(reordered.map(\.outcome) == [.applied, .applied, .duplicate])

            // The station sends its whole outbox (the acks of the first pushes were "lost").
            let report = try await a.engine.once()
            #expect(report.push.duplicates == 4)
            #expect(try a.store.outboxCount() == 0)

            // Everything once: a second station sees each contact once, with the later visit.
            let b = try SyncTestStation("sportello-2", central: central, clock: clock)
            let pulled = try await b.engine.once()
            #expect(pulled.pull.applied == 4)
            let seen = try b.contact(rossi.id).contact
            #expect(seen.lastVisitAt == Self.start.addingTimeInterval(120))
            #expect(try b.contact(verdi.id).contact.details == verdi.details)
            let page = try await central.changes(after: 0, limit: 100, for: versions)
            // Two creations and two visits: duplicates wrote nothing.
            #expect(page.changes.count == 4)
            #expect(page.changes.map(\.position) == [1, 2, 3, 4])
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func aLostAcknowledgementIsRetriedWithoutDuplicates(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "synclost", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock, pushBatch: 2)
            for index in 0..<5 { _ = try a.create("Bianchi", "Luca", born: "19\(70 + index)-01-0\(index + 1)") }
            // The central side applies a batch and the answer never arrives.
            let batch = try a.store.syncOutboxBatch(limit: 2)
            _ = try await central.push(batch, from: try a.versions)
            #expect(try a.store.outboxCount() == 5)
            let report = try await a.engine.once()
            #expect(report.push.duplicates == 2)
            #expect(report.push.applied == 3)
            #expect(report.pushBatches == 3)
            #expect(try a.store.outboxCount() == 0)
            let page = try await central.changes(after: 0, limit: 100, for: try a.versions)
            #expect(page.changes.count == 5)
            #expect(Set(page.changes.map(\.rowID)).count == 5)
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func poisonEventsGoToDeadLettersAndTheRestFlows(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncpoison", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            _ = try a.create("Neri", "Paolo", born: "1960-02-02")
            try a.store.write { db in
                try OutboxEvent.appendJSON(db, type: "ticket.teleported", payloadVersion: 1, json: "{}", at: Self.start)
                try OutboxEvent.appendJSON(db, type: "contact.visited", payloadVersion: 7,
                                           json: #"{"id":"x","visitedAt":"2026-11-30T09:00:00.000Z"}"#, at: Self.start)
                try OutboxEvent.appendJSON(db, type: "contact.updated", payloadVersion: 1, json: #"{"id":"0192"}"#, at: Self.start)
                try OutboxEvent.appendJSON(db, type: "contact.visited", payloadVersion: 1,
                                           json: #"{"id":"00000000-0000-7000-8000-000000000000","visitedAt":"2026-11-30T09:00:00.000Z"}"#,
                                           at: Self.start)
            }
            let behind = try a.create("Gialli", "Sara", born: "1990-09-09")
            let report = try await a.engine.once()
            #expect(report.push.applied == 2)
            #expect(report.push.refused == 4)
            #expect(try a.store.outboxCount() == 0)
            let letters = try a.store.syncDeadLetters()
            #expect(letters.map(\.reason) == [
                "tipo di evento sconosciuto al database centrale: ticket.teleported",
                "contact.visited versione 7: il database centrale legge fino alla versione 1",
                "dati non validi in contact.updated: manca il campo updatedBy",
                "contatto sconosciuto al database centrale: 00000000-0000-7000-8000-000000000000",
            ])
            #expect(try a.store.openDeadLetterCount() == 4)
            // The event behind them reached another station.
            let b = try SyncTestStation("sportello-2", central: central, clock: clock)
            try await b.engine.once()
            #expect(try b.contact(behind.id).contact.surname == "Gialli")

            // Resolved by an administrator, each recorded with a reason.
            #expect(throws: SyncError.missingReason) {
                try a.store.skipDeadLetter(letters[0].id, reason: "  ", operator: "admin", osUser: "root")
            }
            try a.store.skipDeadLetter(letters[0].id, reason: "evento di prova", operator: "admin", osUser: "root")
            #expect(throws: SyncError.alreadyResolved("il messaggio in sospeso \(letters[0].id)")) {
                try a.store.skipDeadLetter(letters[0].id, reason: "di nuovo", operator: "admin", osUser: "root")
            }
            try a.store.retryDeadLetter(letters[3].id, reason: "riprovare", operator: "admin", osUser: "root", station: a.id)
            #expect(try a.store.outboxCount() == 1)
            let retried = try await a.engine.once()
            // Still refused: back among the dead letters as a new letter, with the same event id.
            #expect(retried.push.refused == 1)
            let after = try a.store.syncDeadLetters(includeResolved: false)
            #expect(after.count == 3)
            #expect(after.last?.eventID == letters[3].eventID)
            let actions = try a.store.adminActions()
            #expect(actions.map(\.action) == ["sync.skip", "sync.retry"])
            #expect(actions.map(\.reason) == ["evento di prova", "riprovare"])
            #expect(actions.allSatisfy { $0.operator == "admin" && $0.osUser == "root" })
            // Append-only.
            #expect(throws: DatabaseError.self) { try a.store.write { db in try db.execute(sql: "DELETE FROM admin_actions") } }
            #expect(throws: DatabaseError.self) {
                try a.store.write { db in try db.execute(sql: "UPDATE admin_actions SET reason = 'x'") }
            }
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func versionMismatchIsRefusedAndNamed(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncversion", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            _ = try a.create("Rossi", "Mario", born: "1980-03-12")
            let batch = try a.store.syncOutboxBatch(limit: 10)
            var newer = try a.versions
            newer.centralSchema += 1
            await #expect(throws: SyncError.centralSchemaMismatch(central: central.knownCentralSchema, station: newer.centralSchema)) {
                _ = try await central.push(batch, from: newer)
            }
            await #expect(throws: SyncError.centralSchemaMismatch(central: central.knownCentralSchema, station: newer.centralSchema)) {
                _ = try await central.changes(after: 0, limit: 10, for: newer)
            }
            var older = try a.versions
            older.storeSchema = 2
            await #expect(throws: SyncError.storeSchemaTooOld(store: 2, minimum: SyncVersions.minimumStoreSchema)) {
                _ = try await central.push(batch, from: older)
            }
            #expect(SyncError.centralSchemaMismatch(central: 5, station: 4).description
                == "il database centrale ha lo schema 5, più recente di quello di questo programma (4): aggiornare sportello-tui")
            // Nothing was applied by the refused exchanges; the right versions go through.
            #expect(try await central.changes(after: 0, limit: 10, for: try a.versions).changes.isEmpty)
            try await a.engine.once()
            #expect(try await central.changes(after: 0, limit: 10, for: try a.versions).changes.count == 1)
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func twoStationsEditingTheSameContactEndIdenticalWithTheConflictListed(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "synctwo", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock, pushBatch: 3, pullPage: 2)
            let b = try SyncTestStation("sportello-2", central: central, clock: clock, pushBatch: 3, pullPage: 2)
            let shared = try a.create("Esposito", "Ciro", born: "1970-05-05")
            _ = try a.create("Russo", "Gina", born: "1982-01-15")
            try await a.engine.once()
            try await b.engine.once()
            #expect(try b.contact(shared.id).contact.surname == "Esposito")

            // Both edit the same person while apart.
            clock.advance(30)
            try a.store.updateContact(shared.id, with: contactForm("Esposito", "Ciro", born: "1970-05-05", phones: ["333 1111111"]),
                                      context: a.context)
            clock.advance(30)
            try b.store.updateContact(shared.id, with: contactForm("Esposito", "Ciro", born: "1970-05-05", emails: ["ciro@example.it"]),
                                      context: b.context)
            _ = try b.create("Ferrari", "Enzo", born: "1948-02-18")
            let first = try await a.engine.once()
            #expect(first.push.conflicts == 0)
            #expect(first.pull.conflicts == 0)
            let second = try await b.engine.once()
            #expect(second.push.conflicts == 1)
            try await a.engine.once()

            // Same data everywhere: the later edit (B's), and every contact on both.
            let onA = try a.contact(shared.id).contact, onB = try b.contact(shared.id).contact
            #expect(onA == onB)
            #expect(onA.emails.map(\.value) == ["ciro@example.it"])
            #expect(try a.store.contactCount() == 3)
            #expect(try b.store.contactCount() == 3)
            // The conflict is listed at the station whose edit replaced the other, with both versions.
            let conflicts = try b.store.syncConflicts()
            #expect(conflicts.count == 1)
            #expect(conflicts.first?.rowID == shared.id.rawValue)
            #expect(conflicts.first?.rule == .contactLaterEditApplied)
            #expect(conflicts.first?.otherStation == "sportello-1")
            #expect(conflicts.first?.remoteData.contains("+393331111111") == true)
            // A's own changes coming back were never conflicts.
            #expect(try a.store.syncConflicts().isEmpty)
            #expect(try a.store.outboxCount() == 0 && b.store.outboxCount() == 0)
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func aPulledRowNeverOverwritesUnsentLocalChanges(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncpull", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            let b = try SyncTestStation("sportello-2", central: central, clock: clock)
            let person = try a.create("Colombo", "Marta", born: "1991-04-04")
            let other = try a.store.createContact(contactForm("Colombo", "Marta", born: "1991-04-04", withCode: false), context: a.context)
            try await a.engine.once()
            try await b.engine.once()

            // B edits (not sent yet); A edits, records a later visit and merges `person` into `other`.
            clock.advance(60)
            try b.store.updateContact(person.id, with: contactForm("Colombo", "Marta", born: "1991-04-04", phones: ["333 2222222"]),
                                      context: b.context)
            clock.advance(60)
            try a.store.updateContact(person.id, with: contactForm("Colombo", "Marta", born: "1991-04-04", phones: ["333 3333333"]),
                                      context: a.context)
            _ = try a.store.appendContactHistory(person.id, kind: .ticket, summary: "A003", context: a.context)
            try await a.engine.once()
            _ = try a.store.mergeContacts(keep: other.id, merge: person.id, context: a.context)
            try await a.engine.once()

            // B pulls before it could push: its edit stays, the visit and the merge are taken.
            let pulled = try await b.engine.pull()
            #expect(pulled.pull.conflicts == 3)
            let onB = try b.contact(person.id)
            #expect(onB.contact.phones.map(\.e164) == ["+393332222222"])
            #expect(onB.contact.lastVisitAt == Self.start.addingTimeInterval(120))
            #expect(onB.mergedInto == other.id)
            let conflicts = try b.store.syncConflicts()
            #expect(conflicts.allSatisfy { $0.rule == .contactLocalEditKept && $0.detected == .pull && $0.otherStation == "sportello-1" })
            // B's edit then reaches the central side (no second conflict) and A.
            let pushed = try await b.engine.once()
            #expect(pushed.push.conflicts == 0)
            try await a.engine.once()
            let onA = try a.contact(person.id)
            #expect(onA.contact.phones.map(\.e164) == ["+393332222222"])
            #expect(onA.contact == (try b.contact(person.id)).contact)
            #expect(onA.mergedInto == other.id)
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func pagesAreAppliedOneAtATimeAndThePositionIsRemembered(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncpages", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            for index in 0..<7 { _ = try a.create("Galli", "Nino", born: "1950-01-1\(index)") }
            try await a.engine.once()
            let b = try SyncTestStation("sportello-2", central: central, clock: clock, pullPage: 3)
            let report = try await b.engine.once()
            #expect(report.pullPages == 3)
            #expect(report.pull.applied == 7)
            #expect(try b.store.syncPulledPosition() == 7)
            // Nothing new: one empty page, nothing applied twice.
            let again = try await b.engine.once()
            #expect(again.pull.applied == 0)
            #expect(try b.store.contactCount() == 7)
        }
    }
}
