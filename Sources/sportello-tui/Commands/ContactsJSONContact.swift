import CruscottoModel
import Foundation
import LocalStore

/// A contact as the commands print it in JSON (snake_case; absent values are null).
struct ContactsJSONContact: Encodable {
    let stored: StoredContact

    private enum Keys: String, CodingKey {
        case id, surname, name, sex, citizenship, address, phones, emails, consents, documents, notes
        case fiscalCode = "fiscal_code", birthDate = "birth_date", birthPlace = "birth_place"
        case preferredChannel = "preferred_channel", createdAt = "created_at", createdBy = "created_by"
        case updatedAt = "updated_at", updatedBy = "updated_by", lastVisitAt = "last_visit_at"
        case importIdentity = "import_identity", mergedInto = "merged_into"
    }

    private enum AddressKeys: String, CodingKey { case street, number, cap, comune, province }
    private enum ConsentKeys: String, CodingKey { case kind, granted, recordedOn = "recorded_on" }
    private enum DocumentKeys: String, CodingKey { case kind, number, issuer, expiresOn = "expires_on" }

    func encode(to encoder: Encoder) throws {
        let contact = stored.contact
        let details = contact.details
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(contact.id.rawValue, forKey: .id)
        try c.encode(details.fiscalCode, forKey: .fiscalCode)
        try c.encode(details.surname, forKey: .surname)
        try c.encode(details.name, forKey: .name)
        try c.encode(details.sex?.rawValue, forKey: .sex)
        try c.encode(details.birthDate?.iso, forKey: .birthDate)
        try c.encode(details.birthPlace, forKey: .birthPlace)
        try c.encode(details.citizenship, forKey: .citizenship)
        var address = c.nestedContainer(keyedBy: AddressKeys.self, forKey: .address)
        try address.encode(details.address.street, forKey: .street)
        try address.encode(details.address.number, forKey: .number)
        try address.encode(details.address.cap, forKey: .cap)
        try address.encode(details.address.comune, forKey: .comune)
        try address.encode(details.address.province, forKey: .province)
        try c.encode(details.phones.map(\.e164), forKey: .phones)
        try c.encode(details.emails.map(\.value), forKey: .emails)
        try c.encode(details.preferredChannel.rawValue, forKey: .preferredChannel)
        var consents = c.nestedUnkeyedContainer(forKey: .consents)
        for consent in details.consents {
            var item = consents.nestedContainer(keyedBy: ConsentKeys.self)
            try item.encode(consent.kind.rawValue, forKey: .kind)
            try item.encode(consent.granted, forKey: .granted)
            try item.encode(consent.recordedOn.iso, forKey: .recordedOn)
        }
        var documents = c.nestedUnkeyedContainer(forKey: .documents)
        for document in details.documents {
            var item = documents.nestedContainer(keyedBy: DocumentKeys.self)
            try item.encode(document.kind.rawValue, forKey: .kind)
            try item.encode(document.number, forKey: .number)
            try item.encode(document.issuer, forKey: .issuer)
            try item.encode(document.expiresOn?.iso, forKey: .expiresOn)
        }
        try c.encode(details.notes, forKey: .notes)
        try c.encode(ContactsCommandSupport.iso(contact.createdAt), forKey: .createdAt)
        try c.encode(contact.createdBy, forKey: .createdBy)
        try c.encode(ContactsCommandSupport.iso(contact.updatedAt), forKey: .updatedAt)
        try c.encode(contact.updatedBy, forKey: .updatedBy)
        try c.encode(contact.lastVisitAt.map(ContactsCommandSupport.iso), forKey: .lastVisitAt)
        try c.encode(contact.importIdentity, forKey: .importIdentity)
        try c.encode(stored.mergedInto?.rawValue, forKey: .mergedInto)
    }
}
