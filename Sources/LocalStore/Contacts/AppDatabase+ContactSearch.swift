import CruscottoModel
import Foundation
import GRDB

extension AppDatabase {
    /// How many rows each interpretation of a query takes from its index before ranking:
    /// 100, within the domain's bound of `ContactRanking.candidatesPerInterpretation` (200).
    /// Ranking costs a few microseconds per candidate and runs on every keystroke; a key
    /// range returns the exact key first, so 100 rows still hold the exact surnames first.
    public static var contactCandidateLimit: Int { min(100, ContactRanking.candidatesPerInterpretation) }

    /// The search box: one text that may be a codice fiscale (whole or partial), name words in
    /// any order, a phone number or an e-mail. Each interpretation (`ContactQuery`) is one
    /// B-tree range scan bounded by `contactCandidateLimit`; the union is ranked by
    /// `ContactRanking` (exact identifier > exact surname > prefix, then most recent visit).
    /// Merged contacts are not found. Audited as one read ("ricerca «…»: N risultati").
    public func searchContacts(_ text: String, context: AccessContext, limit: Int = ContactRanking.resultLimit) throws -> [ContactMatch] {
        try Self.checkPurpose(context)
        let query = ContactQuery(text)
        guard !query.isEmpty else { return [] }
        let candidates = try writer.read { db in try Self.candidates(db, for: query) }
        let ranked = ContactRanking.rank(candidates.map(\.facts), for: query, limit: limit)
        let extras = Dictionary(candidates.map { ($0.facts.id, $0) }, uniquingKeysWith: { first, _ in first })
        let matches = ranked.map { item in
            var facts = item.facts
            let extra = extras[facts.id]
            // Phones and e-mails are parsed for the results only, unless ranking needed them.
            if let extra, !extra.parsedContacts {
                facts.phones = ContactColumns.phones(extra.phones)
                facts.emails = ContactColumns.emails(extra.emails)
            }
            return ContactMatch(facts: facts, tier: item.tier, birthDate: extra?.birthDate, comune: extra?.comune ?? "")
        }
        let shown = String(query.text.trimmingCharacters(in: .whitespaces).prefix(80))
        try recordLightAccess(context, what: "ricerca contatti «\(shown)»: \(matches.count) risultati")
        return matches
    }

    struct Candidate {
        var facts: ContactSearchFacts
        var birthDate: CivilDate?
        var comune: String
        var phones: String
        var emails: String
        /// False when the facts were built without phones and e-mails (a name or code
        /// query does not rank on them).
        var parsedContacts: Bool
    }

    private static let factColumns = "c.seq, c.id, c.surname, c.name, c.fiscal_code, c.phones, c.emails, c.last_visit_at, c.birth_date, c.comune"

    static func candidates(_ db: Database, for query: ContactQuery) throws -> [Candidate] {
        let limit = contactCandidateLimit
        var seen = Set<Int64>()
        var result: [Candidate] = []
        let ranksOnContacts = query.interpretations.contains {
            switch $0 {
            case .phone, .email: true
            default: false
            }
        }
        func collect(_ sql: String, _ arguments: StatementArguments) throws {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                let seq: Int64 = row[0]
                guard seen.insert(seq).inserted else { continue }
                result.append(candidate(row, parseContacts: ranksOnContacts))
            }
        }
        for interpretation in query.interpretations {
            switch interpretation {
            case .fiscalCode(let code):
                try collect("SELECT \(factColumns) FROM contact c WHERE c.fiscal_code = ? AND c.merged_into IS NULL LIMIT ?",
                            [code, limit])
            case .fiscalCodePrefix(let prefix):
                try collect("SELECT \(factColumns) FROM contact c WHERE c.fiscal_code >= ? AND c.fiscal_code < ? AND c.merged_into IS NULL ORDER BY c.fiscal_code LIMIT ?",
                            [prefix, upperBound(prefix), limit])
            case .phone(let exact, let reversed):
                if let exact {
                    try collect("SELECT \(factColumns) FROM contact_phone_key k JOIN contact c ON c.seq = k.contact_seq WHERE k.reversed = ? LIMIT ?",
                                [exact.reversedDigitsKey, limit])
                }
                try collect("SELECT \(factColumns) FROM contact_phone_key k JOIN contact c ON c.seq = k.contact_seq WHERE k.reversed >= ? AND k.reversed < ? LIMIT ?",
                            [reversed, upperBound(reversed), limit])
            case .email(let exact, let prefix):
                if let exact {
                    try collect("SELECT \(factColumns) FROM contact_email_key k JOIN contact c ON c.seq = k.contact_seq WHERE k.key = ? LIMIT ?",
                                [exact.searchKey, limit])
                }
                try collect("SELECT \(factColumns) FROM contact_email_key k JOIN contact c ON c.seq = k.contact_seq WHERE k.key >= ? AND k.key < ? LIMIT ?",
                            [prefix, upperBound(prefix), limit])
            case .name(let tokens):
                try collectNames(tokens, limit: limit, collect)
            }
        }
        return result
    }

    /// Name words: one range scan over the key table for the most selective word (the
    /// longest), the other words checked against the keys stored beside each key row, so
    /// the contact row is read only for rows that match every word.
    private static func collectNames(_ tokens: [String], limit: Int, _ collect: (String, StatementArguments) throws -> Void) throws {
        let words = Array(Set(tokens)).sorted { ($0.count, $1) > ($1.count, $0) }
        guard let driver = words.first else { return }
        let others = words.dropFirst()
        var sql = "SELECT \(factColumns) FROM contact_name_key k JOIN contact c ON c.seq = k.contact_seq WHERE k.key >= ? AND k.key < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [driver, upperBound(driver)]
        for word in others {
            sql += " AND instr(k.keys, ?) > 0"
            arguments.append(" " + word)
        }
        sql += " LIMIT ?"
        arguments.append(limit)
        try collect(sql, StatementArguments(arguments))
    }

    /// The smallest text greater than every text starting with `prefix` (binary collation).
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }

    private static func candidate(_ row: Row, parseContacts: Bool) -> Candidate {
        let phones: String = row[5], emails: String = row[6]
        let facts = ContactSearchFacts(
            id: ContactID(row[1] as String) ?? ContactID(UUID()), surname: row[2], name: row[3], fiscalCode: row[4],
            phones: parseContacts ? ContactColumns.phones(phones) : [],
            emails: parseContacts ? ContactColumns.emails(emails) : [],
            lastVisitAt: (row[7] as String?).flatMap(ContactInstant.parse))
        return Candidate(facts: facts, birthDate: (row[8] as String?).flatMap { CivilDate(iso: $0) }, comune: row[9],
                         phones: phones, emails: emails, parsedContacts: parseContacts)
    }
}
