/// What duplicate detection compares between two contacts.
public struct ContactDuplicateFacts: Hashable, Sendable {
    public var fiscalCode: String?
    /// The codice fiscale with omocodia letters turned back into digits (computed by the
    /// codice fiscale module); equal bases mean the same person with a substituted code.
    public var fiscalCodeBase: String?
    public var surname: String
    public var name: String
    public var birthDate: CivilDate?
    public var phones: [PhoneNumber]
    public var emails: [EmailAddress]

    public init(
        fiscalCode: String? = nil, fiscalCodeBase: String? = nil, surname: String, name: String,
        birthDate: CivilDate? = nil, phones: [PhoneNumber] = [], emails: [EmailAddress] = []
    ) {
        self.fiscalCode = fiscalCode
        self.fiscalCodeBase = fiscalCodeBase
        self.surname = surname
        self.name = name
        self.birthDate = birthDate
        self.phones = phones
        self.emails = emails
    }

    /// Facts of validated details; `fiscalCodeBase` maps a code to its omocodia base.
    public init(_ details: ContactDetails, fiscalCodeBase: (String) -> String? = { _ in nil }) {
        self.init(
            fiscalCode: details.fiscalCode, fiscalCodeBase: details.fiscalCode.flatMap(fiscalCodeBase),
            surname: details.surname, name: details.name, birthDate: details.birthDate,
            phones: details.phones, emails: details.emails)
    }
}
