import CruscottoModel
import Foundation
import LocalStore

/// `ContactDirectory` over a station's local store. The store calls are synchronous and
/// short; the program runs them from effects, off the loop.
public struct StoreContactDirectory: ContactDirectory {
    public let store: AppDatabase

    public init(store: AppDatabase) {
        self.store = store
    }

    public func today() -> CivilDate {
        CivilDate(store.clock.now(), timeZone: ItalianTime.calendar.timeZone)
    }

    public func search(_ text: String, context: AccessContext) async throws -> [ContactSearchRow] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return try store.searchContacts(text, context: context).map { match in
            ContactSearchRow(id: match.id, surname: match.facts.surname, name: match.facts.name,
                             fiscalCode: match.facts.fiscalCode, birthDate: match.birthDate, comune: match.comune,
                             phone: match.facts.phones.first)
        }
    }

    public func card(_ id: ContactID, context: AccessContext) async throws -> ContactCard {
        let stored = try store.contact(id.rawValue, context: context)
        let history = try store.contactHistory(stored.contact.id, context: context, limit: 50)
        return ContactCard(contact: stored.contact, history: history)
    }

    public func row(_ id: ContactID, context: AccessContext) async throws -> ContactSearchRow {
        ContactSearchRow(try store.contact(id.rawValue, context: context).contact)
    }

    public func recordTicket(_ id: ContactID, summary: String, reference: String, context: AccessContext) async throws {
        try store.appendContactHistory(id, kind: .ticket, summary: summary, reference: reference, context: context)
    }

    public func save(_ id: ContactID?, draft: ContactDraft, duplicatesSeen: Bool, context: AccessContext) async throws -> ContactSaveOutcome {
        let validation = draft.validated(today: today())
        guard validation.isValid, let details = validation.details else { return .invalid(validation.errors) }
        if validation.needsConfirmation { return .needsConfirmation(validation.warnings) }
        if !duplicatesSeen {
            let found = try store.probableDuplicates(of: details, excluding: id, context: context)
            if !found.isEmpty {
                return .duplicates(found.map { ContactDuplicate(row: ContactSearchRow($0.contact.contact), reasons: $0.reasons.map(\.message)) })
            }
        }
        if let id { return .saved(try store.updateContact(id, with: validation, context: context)) }
        return .saved(try store.createContact(validation, context: context))
    }

    public func merge(keep kept: ContactID, merge merged: ContactID, context: AccessContext) async throws -> ContactMergeRecord {
        try store.mergeContacts(keep: kept, merge: merged, context: context)
    }
}
