import CruscottoModel

/// One line of the search results.
public struct ContactSearchRow: Hashable, Sendable {
    public var id: ContactID
    public var surname: String
    public var name: String
    public var fiscalCode: String?
    public var birthDate: CivilDate?
    public var comune: String
    /// The preferred phone (the first one recorded), for the "your turn is near" message.
    public var phone: PhoneNumber?

    public init(id: ContactID, surname: String, name: String, fiscalCode: String?, birthDate: CivilDate?, comune: String,
                phone: PhoneNumber? = nil) {
        self.id = id
        self.phone = phone
        self.surname = surname
        self.name = name
        self.fiscalCode = fiscalCode
        self.birthDate = birthDate
        self.comune = comune
    }

    public init(_ contact: Contact) {
        self.init(id: contact.id, surname: contact.details.surname, name: contact.details.name,
                  fiscalCode: contact.details.fiscalCode, birthDate: contact.details.birthDate,
                  comune: contact.details.address.comune, phone: contact.details.phones.first)
    }

    /// "ROSSI Niccolò": the surname in capitals, as the counters write it.
    public var displayName: String { "\(surname.uppercased()) \(name)" }
}
