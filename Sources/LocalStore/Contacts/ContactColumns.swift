import CruscottoModel
import Foundation
import GRDB

/// How a `Contact` is written to and read from the `contact` table. Details are columns,
/// not a JSON blob: the bulk import writes a million rows without a JSON encoder, and the
/// key columns (`name_keys`, `phone_keys`, `email_keys`) are what the key tables are built from.
enum ContactColumns {
    static let insertSQL = """
        INSERT INTO contact (id, fiscal_code, fiscal_code_base, surname, name, sex, birth_date, birth_place,
            citizenship, street, street_number, cap, comune, province, phones, emails, preferred_channel,
            consents, documents, notes, name_keys, phone_keys, email_keys, duplicate_key, import_identity,
            created_at, created_by, updated_at, updated_by, last_visit_at)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        """

    static let updateSQL = """
        UPDATE contact SET fiscal_code = ?, fiscal_code_base = ?, surname = ?, name = ?, sex = ?, birth_date = ?,
            birth_place = ?, citizenship = ?, street = ?, street_number = ?, cap = ?, comune = ?, province = ?,
            phones = ?, emails = ?, preferred_channel = ?, consents = ?, documents = ?, notes = ?, name_keys = ?,
            phone_keys = ?, email_keys = ?, duplicate_key = ?, updated_at = ?, updated_by = ?
        WHERE seq = ?
        """

    static let selectColumns = """
        seq, id, fiscal_code, surname, name, sex, birth_date, birth_place, citizenship, street, street_number, cap,
        comune, province, phones, emails, preferred_channel, consents, documents, notes, import_identity,
        created_at, created_by, updated_at, updated_by, last_visit_at, merged_into
        """

    /// The details columns in the order of `insertSQL` after `id` (and of `updateSQL`).
    static func detailValues(_ details: ContactDetails) -> [(any DatabaseValueConvertible)?] {
        let address = details.address
        return [
            details.fiscalCode, details.fiscalCode.flatMap(CodiceFiscaleOmocodia.base(of:)),
            details.surname, details.name, details.sex?.rawValue, details.birthDate?.iso,
            details.birthPlace, details.citizenship, address.street, address.number, address.cap,
            address.comune, address.province,
            details.phones.map(\.e164).joined(separator: " "),
            details.emails.map(\.value).joined(separator: " "),
            details.preferredChannel.rawValue, encodeConsents(details.consents),
            encodeDocuments(details.documents), details.notes,
            nameKeys(details), details.phones.map(\.reversedDigitsKey).joined(separator: " "),
            details.emails.map(\.searchKey).joined(separator: " "),
            ContactDuplicateRule.nameAndBirthKey(ContactDuplicateFacts(
                surname: details.surname, name: details.name, birthDate: details.birthDate)),
        ]
    }

    /// The key columns (`name_keys`, `phone_keys`, `email_keys`) of a contact's details: the key
    /// tables hold exactly these.
    static func keyColumns(_ details: ContactDetails) -> [String] {
        [nameKeys(details), details.phones.map(\.reversedDigitsKey).joined(separator: " "),
         details.emails.map(\.searchKey).joined(separator: " ")]
    }

    static func insertArguments(_ contact: Contact) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = [contact.id.rawValue]
        values += detailValues(contact.details)
        values += [contact.importIdentity, StoredInstant.iso(contact.createdAt), contact.createdBy,
                   StoredInstant.iso(contact.updatedAt), contact.updatedBy,
                   contact.lastVisitAt.map(StoredInstant.iso)]
        return StatementArguments(values)
    }

    /// Surname keys then name keys, each once, space-led and space-separated (" de luca deluca
    /// mario"), so `instr(keys, ' ' || word)` tells whether a word starts one of them.
    static func nameKeys(_ details: ContactDetails) -> String {
        var seen = Set<String>()
        var text = ""
        for key in details.surnameKeys + details.nameKeys where seen.insert(key).inserted {
            text += " " + key
        }
        return text
    }

    // MARK: consents and documents

    /// "privacy_notice 1 2025-03-12;sms 0 2025-03-12": small, and no JSON encoder per row.
    static func encodeConsents(_ consents: [Consent]) -> String {
        consents.map { "\($0.kind.rawValue) \($0.granted ? 1 : 0) \($0.recordedOn.iso)" }.joined(separator: ";")
    }

    static func decodeConsents(_ text: String) -> [Consent] {
        text.split(separator: ";").compactMap { part in
            let fields = part.split(separator: " ")
            guard fields.count == 3, let kind = Consent.Kind(rawValue: String(fields[0])),
                  let day = CivilDate(iso: String(fields[2])) else { return nil }
            return Consent(kind: kind, granted: fields[1] == "1", recordedOn: day)
        }
    }

    /// JSON (sorted keys) when there are documents, empty text when none (the common case).
    static func encodeDocuments(_ documents: [IdentityDocument]) -> String {
        guard !documents.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(documents)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func decodeDocuments(_ text: String) -> [IdentityDocument] {
        guard !text.isEmpty else { return [] }
        return (try? JSONDecoder().decode([IdentityDocument].self, from: Data(text.utf8))) ?? []
    }

    // MARK: reading

    static func phones(_ text: String) -> [PhoneNumber] {
        text.split(separator: " ").compactMap { PhoneNumber(storedE164: String($0)) }
    }

    static func emails(_ text: String) -> [EmailAddress] {
        text.split(separator: " ").compactMap { EmailAddress(storedValue: String($0)) }
    }

    /// A contact from a row selected with `selectColumns`.
    static func contact(from row: Row) -> StoredContact {
        let details = ContactDetails(
            fiscalCode: row["fiscal_code"], surname: row["surname"], name: row["name"],
            sex: (row["sex"] as String?).flatMap(Sex.init(rawValue:)),
            birthDate: (row["birth_date"] as String?).flatMap { CivilDate(iso: $0) },
            birthPlace: row["birth_place"], citizenship: row["citizenship"],
            address: PostalAddress(street: row["street"], number: row["street_number"], cap: row["cap"],
                                   comune: row["comune"], province: row["province"]),
            phones: phones(row["phones"]), emails: emails(row["emails"]),
            preferredChannel: PreferredChannel(rawValue: row["preferred_channel"]) ?? .none,
            consents: decodeConsents(row["consents"]), documents: decodeDocuments(row["documents"]),
            notes: row["notes"])
        let contact = Contact(
            id: ContactID(row["id"] as String) ?? ContactID(UUID()), details: details,
            createdAt: ContactInstant.parse(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
            createdBy: row["created_by"],
            updatedAt: ContactInstant.parse(row["updated_at"]), updatedBy: row["updated_by"],
            lastVisitAt: (row["last_visit_at"] as String?).flatMap(ContactInstant.parse),
            importIdentity: row["import_identity"])
        return StoredContact(seq: row["seq"], contact: contact,
                             mergedInto: (row["merged_into"] as String?).flatMap { ContactID($0) })
    }
}
