import Foundation

/// A person in the registry: validated details plus who created and changed it, and when.
///
/// Details are reached directly (`contact.surname`) through dynamic member lookup.
@dynamicMemberLookup
public struct Contact: Identifiable, Hashable, Sendable, Codable {
    public let id: ContactID
    public var details: ContactDetails
    public let createdAt: Date
    /// Operator username.
    public let createdBy: String
    public var updatedAt: Date
    public var updatedBy: String
    /// Last time the person was served at a counter; ranks search results.
    public var lastVisitAt: Date?
    /// Set for contacts created by a CSV import (see `ContactImportIdentity`), so that
    /// importing the same file again recognises them.
    public var importIdentity: String?

    public init(
        id: ContactID, details: ContactDetails, createdAt: Date, createdBy: String,
        updatedAt: Date? = nil, updatedBy: String? = nil, lastVisitAt: Date? = nil, importIdentity: String? = nil
    ) {
        self.id = id
        self.details = details
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy ?? createdBy
        self.lastVisitAt = lastVisitAt
        self.importIdentity = importIdentity
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ContactDetails, Value>) -> Value {
        get { details[keyPath: keyPath] }
        set { details[keyPath: keyPath] = newValue }
    }


    /// The facts search ranking and duplicate detection need.
    public var searchFacts: ContactSearchFacts {
        ContactSearchFacts(
            id: id, surname: details.surname, name: details.name, fiscalCode: details.fiscalCode,
            phones: details.phones, emails: details.emails, lastVisitAt: lastVisitAt
        )
    }
}
