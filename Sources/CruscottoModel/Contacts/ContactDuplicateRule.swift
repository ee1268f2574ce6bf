/// Probable duplicates: two records that likely describe the same person. Used to warn
/// before creating a contact and to list candidates for merging; never merges by itself.
///
/// Two contacts are probable duplicates when any of these holds:
/// - same codice fiscale;
/// - same omocodia base of the codice fiscale (one of them has a substituted code);
/// - same folded surname and name (joined keys) and same birth date;
/// - a phone number in common;
/// - an e-mail address in common (case-insensitive).
/// Different codici fiscali that are both present and have different bases rule out the
/// name/birth-date reason (homonyms born on the same day exist), not the phone/e-mail ones,
/// which families share and which the operator should see anyway.
public enum ContactDuplicateRule {
    public enum Reason: Hashable, Sendable, Comparable {
        case sameFiscalCode
        case sameFiscalCodeBase
        case sameNameAndBirthDate
        case samePhone(PhoneNumber)
        case sameEmail(EmailAddress)

        public var message: String {
            switch self {
            case .sameFiscalCode: "stesso codice fiscale"
            case .sameFiscalCodeBase: "stesso codice fiscale a meno dell'omocodia"
            case .sameNameAndBirthDate: "stessi cognome, nome e data di nascita"
            case .samePhone(let phone): "stesso telefono \(phone.formatted)"
            case .sameEmail(let email): "stesso indirizzo e-mail \(email.value)"
            }
        }

        private var order: Int {
            switch self {
            case .sameFiscalCode: 0
            case .sameFiscalCodeBase: 1
            case .sameNameAndBirthDate: 2
            case .samePhone: 3
            case .sameEmail: 4
            }
        }

        public static func < (lhs: Reason, rhs: Reason) -> Bool {
            if lhs.order != rhs.order { return lhs.order < rhs.order }
            switch (lhs, rhs) {
            case let (.samePhone(left), .samePhone(right)): return left.e164 < right.e164
            case let (.sameEmail(left), .sameEmail(right)): return left.searchKey < right.searchKey
            default: return false
            }
        }
    }

    /// Every reason why `a` and `b` look like the same person, most telling first; empty
    /// when they do not.
    public static func reasons(_ a: ContactDuplicateFacts, _ b: ContactDuplicateFacts) -> [Reason] {
        var reasons: [Reason] = []
        let codeA = a.fiscalCode?.uppercased(), codeB = b.fiscalCode?.uppercased()
        if let codeA, codeA == codeB {
            reasons.append(.sameFiscalCode)
        } else if let baseA = a.fiscalCodeBase?.uppercased(), baseA == b.fiscalCodeBase?.uppercased() {
            reasons.append(.sameFiscalCodeBase)
        }
        let codesDiffer = codeA != nil && codeB != nil && reasons.isEmpty
        if !codesDiffer, let birth = a.birthDate, birth == b.birthDate,
           nameKey(a) == nameKey(b), !SearchText.joinedKey(a.surname).isEmpty {
            reasons.append(.sameNameAndBirthDate)
        }
        for phone in Set(a.phones).intersection(b.phones) { reasons.append(.samePhone(phone)) }
        let emailsB = Set(b.emails.map(\.searchKey))
        for email in a.emails where emailsB.contains(email.searchKey) { reasons.append(.sameEmail(email)) }
        return reasons.sorted()
    }

    public static func areProbableDuplicates(_ a: ContactDuplicateFacts, _ b: ContactDuplicateFacts) -> Bool {
        !reasons(a, b).isEmpty
    }

    /// The folded surname and name with the birth date, `rossi|mario|1980-03-12`: the key
    /// of the index the store queries for this reason (nil without a birth date).
    public static func nameAndBirthKey(_ facts: ContactDuplicateFacts) -> String? {
        facts.birthDate.map { nameKey(facts) + "|" + $0.iso }
    }

    private static func nameKey(_ facts: ContactDuplicateFacts) -> String {
        SearchText.joinedKey(facts.surname) + "|" + SearchText.joinedKey(facts.name)
    }
}
