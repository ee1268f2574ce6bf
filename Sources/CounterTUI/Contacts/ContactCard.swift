import CruscottoModel
import LocalStore

/// What the card shows: the contact and its history (newest first, merged records included).
public struct ContactCard: Hashable, Sendable {
    public var contact: Contact
    public var history: [ContactHistoryEntry]

    public init(contact: Contact, history: [ContactHistoryEntry]) {
        self.contact = contact
        self.history = history
    }
}
