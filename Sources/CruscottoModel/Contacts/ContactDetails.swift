import Foundation

/// The personal data of a contact, validated: what the edit form produces, what the store
/// writes and what an outbox event carries.
public struct ContactDetails: Hashable, Sendable, Codable {
    /// Upper-case codice fiscale; nil for people who have none (some foreign citizens).
    public var fiscalCode: String?
    public var surname: String
    public var name: String
    public var sex: Sex?
    public var birthDate: CivilDate?
    /// Comune of birth, or foreign state for people born abroad.
    public var birthPlace: String
    public var citizenship: String
    public var address: PostalAddress
    /// In order of preference: the first is the one used for calls and SMS.
    public var phones: [PhoneNumber]
    /// In order of preference: the first is the one used for notices.
    public var emails: [EmailAddress]
    public var preferredChannel: PreferredChannel
    /// At most one entry per kind: the latest answer.
    public var consents: [Consent]
    public var documents: [IdentityDocument]
    public var notes: String

    public init(
        fiscalCode: String? = nil, surname: String, name: String, sex: Sex? = nil,
        birthDate: CivilDate? = nil, birthPlace: String = "", citizenship: String = "",
        address: PostalAddress = PostalAddress(), phones: [PhoneNumber] = [], emails: [EmailAddress] = [],
        preferredChannel: PreferredChannel = .none, consents: [Consent] = [],
        documents: [IdentityDocument] = [], notes: String = ""
    ) {
        self.fiscalCode = fiscalCode
        self.surname = surname
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.birthPlace = birthPlace
        self.citizenship = citizenship
        self.address = address
        self.phones = phones
        self.emails = emails
        self.preferredChannel = preferredChannel
        self.consents = consents
        self.documents = documents
        self.notes = notes
    }

    /// The latest answer for a kind of consent, if one was ever recorded.
    public func consent(_ kind: Consent.Kind) -> Consent? {
        consents.last { $0.kind == kind }
    }

    /// Records an answer, replacing any earlier one of the same kind.
    public mutating func record(_ consent: Consent) {
        consents.removeAll { $0.kind == consent.kind }
        consents.append(consent)
        consents.sort { Consent.Kind.allCases.firstIndex(of: $0.kind)! < Consent.Kind.allCases.firstIndex(of: $1.kind)! }
    }

    /// Keys for the name index (see `SearchText.nameKeys`).
    public var surnameKeys: [String] { SearchText.nameKeys(surname) }
    public var nameKeys: [String] { SearchText.nameKeys(name) }
}
