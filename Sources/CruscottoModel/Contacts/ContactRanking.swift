import Foundation

/// The fixed order of search results (documented in docs/CONTACTS.md):
/// 1. exact identifier: the whole codice fiscale, phone number or e-mail typed;
/// 2. exact surname: a word (or adjacent words joined) equals the whole surname;
/// 3. prefix match: every word starts a surname or name key, or a partial code/number/e-mail;
/// then, inside each tier, the most recent visit first (never visited last), then surname,
/// name and id in ascending order, so equal candidates always come out in the same order.
public enum ContactRanking {
    public enum Tier: Int, Comparable, Sendable, CaseIterable {
        case exactIdentifier = 0
        case exactSurname = 1
        case prefix = 2

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A candidate with its tier and the keys the tie-break uses.
    public struct Ranked: Hashable, Sendable {
        public let facts: ContactSearchFacts
        public let tier: Tier
        let surnameKey: String
        let nameKey: String

        public init(facts: ContactSearchFacts, tier: Tier) {
            self.init(facts: facts, tier: tier, surnameKey: SearchText.joinedKey(facts.surname),
                      nameKey: SearchText.joinedKey(facts.name))
        }

        init(facts: ContactSearchFacts, tier: Tier, surnameKey: String, nameKey: String) {
            self.facts = facts
            self.tier = tier
            self.surnameKey = surnameKey
            self.nameKey = nameKey
        }
    }

    /// A candidate's surname and name folded once: their tokens give the keys the name
    /// words are matched against and the joined keys of the exact-surname test and the
    /// tie-break (`joinedKey` is the tokens joined, `nameKeys` starts from the tokens).
    struct FoldedName {
        let surnameTokens: [String]
        let nameTokens: [String]
        let surnameKey: String
        let nameKey: String

        init(surname: String, name: String) {
            surnameTokens = SearchText.tokens(surname)
            nameTokens = SearchText.tokens(name)
            surnameKey = surnameTokens.joined()
            nameKey = nameTokens.joined()
        }

        /// Whether `word` starts one of the keys `SearchText.nameKeys` gives for the surname
        /// or the name (a token, or the tokens from one of them to the end joined).
        func startsAKey(_ word: String) -> Bool {
            for tokens in [surnameTokens, nameTokens] {
                for start in tokens.indices {
                    if tokens[start].hasPrefix(word) { return true }
                    if start + 1 < tokens.count, tokens[start...].joined().hasPrefix(word) { return true }
                }
            }
            return false
        }
    }

    /// How many candidates the store takes from each interpretation's index before ranking.
    public static let candidatesPerInterpretation = 200
    /// How many ranked results a search returns.
    public static let resultLimit = 50

    /// The best tier at which the candidate matches the query, or nil when it does not
    /// match at all (the store's index found it by a looser rule; it is dropped).
    public static func tier(of facts: ContactSearchFacts, for query: ContactQuery) -> Tier? {
        tier(of: facts, for: query, folded: FoldedName(surname: facts.surname, name: facts.name))
    }

    static func tier(of facts: ContactSearchFacts, for query: ContactQuery, folded: FoldedName) -> Tier? {
        var best: Tier?
        func consider(_ tier: Tier) { if best.map({ tier < $0 }) ?? true { best = tier } }
        for interpretation in query.interpretations {
            switch interpretation {
            case .fiscalCode(let code):
                if facts.fiscalCode?.uppercased() == code { consider(.exactIdentifier) }
            case .fiscalCodePrefix(let prefix):
                if facts.fiscalCode?.uppercased().hasPrefix(prefix) == true { consider(.prefix) }
            case .phone(let exact, let reversedDigits):
                if let exact, facts.phones.contains(exact) {
                    consider(.exactIdentifier)
                } else if facts.phones.contains(where: { $0.reversedDigitsKey.hasPrefix(reversedDigits) }) {
                    consider(.prefix)
                }
            case .email(let exact, let prefix):
                if let exact, facts.emails.contains(where: { $0.searchKey == exact.searchKey }) {
                    consider(.exactIdentifier)
                } else if facts.emails.contains(where: { $0.searchKey.hasPrefix(prefix) }) {
                    consider(.prefix)
                }
            case .name(let tokens):
                if let tier = nameTier(folded, tokens: tokens) { consider(tier) }
            }
        }
        return best
    }

    static func nameTier(surname: String, name: String, tokens: [String]) -> Tier? {
        nameTier(FoldedName(surname: surname, name: name), tokens: tokens)
    }

    static func nameTier(_ folded: FoldedName, tokens: [String]) -> Tier? {
        guard tokens.allSatisfy(folded.startsAKey) else { return nil }
        let surnameKey = folded.surnameKey
        for start in tokens.indices {
            for end in start..<tokens.count where tokens[start...end].joined() == surnameKey {
                return .exactSurname
            }
        }
        return .prefix
    }

    /// The comparator: true when `lhs` is shown before `rhs`.
    public static func areInIncreasingOrder(_ lhs: Ranked, _ rhs: Ranked) -> Bool {
        if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
        switch (lhs.facts.lastVisitAt, rhs.facts.lastVisitAt) {
        case let (left?, right?) where left != right: return left > right
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if lhs.surnameKey != rhs.surnameKey { return lhs.surnameKey < rhs.surnameKey }
        if lhs.nameKey != rhs.nameKey { return lhs.nameKey < rhs.nameKey }
        return lhs.facts.id < rhs.facts.id
    }

    /// `areInIncreasingOrder` on two elements read in place (no copy of the candidates).
    private static func precedes(_ items: UnsafeBufferPointer<Ranked>, _ a: Int, _ b: Int) -> Bool {
        if items[a].tier != items[b].tier { return items[a].tier < items[b].tier }
        switch (items[a].facts.lastVisitAt, items[b].facts.lastVisitAt) {
        case let (left?, right?) where left != right: return left > right
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if items[a].surnameKey != items[b].surnameKey { return items[a].surnameKey < items[b].surnameKey }
        if items[a].nameKey != items[b].nameKey { return items[a].nameKey < items[b].nameKey }
        return items[a].facts.id < items[b].facts.id
    }

    /// Ranks the union of the candidates (duplicates by id removed), drops those that do
    /// not match, and keeps the first `limit`.
    public static func rank(_ candidates: [ContactSearchFacts], for query: ContactQuery, limit: Int = resultLimit) -> [Ranked] {
        // Each name is folded once per candidate, and the sort moves small integers instead
        // of whole candidates: this runs on every keystroke over up to a few hundred rows.
        var seen = Set<ContactID>(minimumCapacity: candidates.count)
        var ranked: [Ranked] = []
        ranked.reserveCapacity(candidates.count)
        for facts in candidates where seen.insert(facts.id).inserted {
            let folded = FoldedName(surname: facts.surname, name: facts.name)
            if let tier = tier(of: facts, for: query, folded: folded) {
                ranked.append(Ranked(facts: facts, tier: tier, surnameKey: folded.surnameKey, nameKey: folded.nameKey))
            }
        }
        let order = ranked.withUnsafeBufferPointer { items in
            Array(items.indices).sorted { precedes(items, $0, $1) }
        }
        return order.prefix(max(0, limit)).map { ranked[$0] }
    }
}
