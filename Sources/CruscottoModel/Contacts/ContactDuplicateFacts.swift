/// What duplicate detection compares between two contacts.
public struct ContactDuplicateFacts: Hashable, Sendable {
    public var fiscalCode: String?
    /// The codice fiscale with omocodia letters turned back into digits
    /// (`CodiceFiscaleOmocodia.base`); equal bases mean the same person with a substituted code.
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

    /// Facts of validated details; the omocodia base comes from the codice fiscale module.
    public init(_ details: ContactDetails, fiscalCodeBase: (String) -> String? = CodiceFiscaleOmocodia.base(of:)) {
        self.init(
            fiscalCode: details.fiscalCode, fiscalCodeBase: details.fiscalCode.flatMap(fiscalCodeBase),
            surname: details.surname, name: details.name, birthDate: details.birthDate,
            phones: details.phones, emails: details.emails)
    }
}
