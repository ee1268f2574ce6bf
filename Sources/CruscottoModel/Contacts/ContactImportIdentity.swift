/// The stable identity of an imported row, so that importing the same file twice creates
/// nothing new: the store skips a row whose identity is already in the registry (as an
/// imported contact's `importIdentity` or, for `cf:` identities, as a contact's codice fiscale).
///
/// - With a codice fiscale: `cf:` + the code in upper case.
/// - Without: `anag:` + folded joined surname | name | birth date (ISO) | first phone (E.164)
///   | first e-mail (lower case), empty parts kept as empty, e.g.
///   `anag:dangelo|niccolo|1980-03-12|+393331234567|`.
/// The key is kept readable rather than hashed: it collides only when the data are equal,
/// and it holds nothing that the row does not already hold.
public enum ContactImportIdentity {
    public static func key(for details: ContactDetails) -> String {
        if let code = details.fiscalCode, !code.isEmpty {
            return "cf:" + code.uppercased()
        }
        let parts = [
            SearchText.joinedKey(details.surname),
            SearchText.joinedKey(details.name),
            details.birthDate?.iso ?? "",
            details.phones.first?.e164 ?? "",
            details.emails.first?.searchKey ?? "",
        ]
        return "anag:" + parts.joined(separator: "|")
    }

    /// True when the row says enough to tell the person from a namesake: a codice fiscale,
    /// a birth date, a phone or an e-mail. Rows with only a name are rejected by the import.
    public static func isDistinctive(_ details: ContactDetails) -> Bool {
        details.fiscalCode != nil || details.birthDate != nil || !details.phones.isEmpty || !details.emails.isEmpty
    }
}
