import CruscottoModel
import Foundation
import LocalStore

/// What the contact screens need from the registry. Every call carries the access context
/// (operator, station, purpose), so each read and change is audited where it happens.
/// `StoreContactDirectory` implements it over the local store.
public protocol ContactDirectory: Sendable {
    /// Ranked results for the text of the search box (empty text: no results).
    func search(_ text: String, context: AccessContext) async throws -> [ContactSearchRow]
    /// The card of one contact: details and history, newest first.
    func card(_ id: ContactID, context: AccessContext) async throws -> ContactCard
    /// Saves a draft (a new contact when `id` is nil). Probable duplicates are reported
    /// instead of saving unless `duplicatesSeen` is set.
    func save(_ id: ContactID?, draft: ContactDraft, duplicatesSeen: Bool, context: AccessContext) async throws -> ContactSaveOutcome
    /// Merges `merged` into `kept`: both histories stay, the merge is recorded.
    func merge(keep kept: ContactID, merge merged: ContactID, context: AccessContext) async throws -> ContactMergeRecord
    /// One contact as a result row (name, codice fiscale, preferred phone): who a ticket is
    /// linked to.
    func row(_ id: ContactID, context: AccessContext) async throws -> ContactSearchRow
    /// Appends a served ticket to the person's history ("ticket" kind: it counts as a visit).
    func recordTicket(_ id: ContactID, summary: String, reference: String, context: AccessContext) async throws
    /// The office day, for validation (birth dates, consents, document expiry).
    func today() -> CivilDate
}
