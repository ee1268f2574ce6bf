import CruscottoModel
import LocalStore

/// Results of the registry effects, back on the loop.
public enum ContactsResult: Hashable, Sendable {
    case searched(text: String, rows: [ContactSearchRow])
    case searchFailed(text: String, problem: String)
    case cardLoaded(ContactCard, ContactAccess)
    case saved(ContactSaveOutcome, card: ContactCard?)
    case merged(ContactMergeRecord, card: ContactCard)
    /// A load, save or merge failed: the Italian reason.
    case failed(String)
}
