import CruscottoModel

/// A contact as the store holds it: the domain value, its row number and, for a contact
/// merged into another, the id of the one kept.
public struct StoredContact: Sendable, Hashable {
    /// The row number (internal to this store; the registry-wide identity is `contact.id`).
    public let seq: Int64
    public let contact: Contact
    /// Set when this record was merged into another (it no longer appears in searches).
    public let mergedInto: ContactID?
}
