import Foundation

/// What ranking needs to know about one candidate found by the store.
public struct ContactSearchFacts: Hashable, Sendable {
    public var id: ContactID
    public var surname: String
    public var name: String
    public var fiscalCode: String?
    public var phones: [PhoneNumber]
    public var emails: [EmailAddress]
    public var lastVisitAt: Date?

    public init(
        id: ContactID, surname: String, name: String, fiscalCode: String? = nil,
        phones: [PhoneNumber] = [], emails: [EmailAddress] = [], lastVisitAt: Date? = nil
    ) {
        self.id = id
        self.surname = surname
        self.name = name
        self.fiscalCode = fiscalCode
        self.phones = phones
        self.emails = emails
        self.lastVisitAt = lastVisitAt
    }
}
