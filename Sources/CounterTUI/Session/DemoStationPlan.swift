import CruscottoModel
import Foundation

/// What a demo station contains, computed from the compiled-in Italian names and a seed, with
/// no I/O: the office, the counter and the operators with their demo passwords. New kinds of
/// demo data (contacts, tickets) are added here as the features arrive, drawn from the same
/// generator after the operators so existing data stays the same.
public struct DemoStationPlan: Sendable, Equatable {
    public struct DemoOperator: Sendable, Equatable {
        public let username: String
        public let fullName: String
        public let password: String
        public let roles: Set<OperatorRole>
    }

    public static let defaultSeed: UInt64 = 2026
    public static let officeName = "Comune di Piacenza · Sportello Facile"
    public static let counter = 3
    public static let idleLockMinutes = 5
    /// The roles of the demo operators, in order: the first one is the counter operator the
    /// printed instructions use.
    static let roleSets: [Set<OperatorRole>] = [[.counter], [.counter, .cie], [.reception], [.manager, .administrator]]

    public let seed: UInt64
    public let operators: [DemoOperator]
    /// The demo registry (see DemoStationPlan+Contacts.swift).
    public let contacts: [DemoContact]

    public init(seed: UInt64 = defaultSeed, names: ItalianNames = .shared) {
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        var operators: [DemoOperator] = []
        var usernames = Set<String>()
        for (index, roles) in Self.roleSets.enumerated() {
            // Alternate women and men; draw again on a clash of usernames.
            let firstNames = index % 2 == 0 ? names.femaleFirstNames : names.maleFirstNames
            for _ in 0..<50 {
                guard let first = random.pick(firstNames), let last = random.pick(names.surnames) else { break }
                let username = Self.username(first: first, last: last)
                guard OperatorAccount.isValidUsername(username), !usernames.contains(username) else { continue }
                usernames.insert(username)
                var password = "demo-" + String(first.split(separator: " ")[0]).folded
                while password.count < 8 { password += "1" }
                operators.append(DemoOperator(username: username, fullName: "\(Self.capitalized(first)) \(Self.capitalized(last))",
                                              password: password, roles: roles))
                break
            }
        }
        self.operators = operators
        self.contacts = Self.drawContacts(&random, names: names, today: CivilDate(year: 2026, month: 11, day: 30)!)
    }

    /// "nome.cognome" in lower-case ASCII: "Niccolò D'Angelo" → "niccolo.dangelo".
    static func username(first: String, last: String) -> String {
        let name = String(first.split(separator: " ")[0]).folded
        return String((name + "." + last.folded).prefix(32))
    }

    /// Names in the data may be upper-case: "ROSSI" → "Rossi", "DE LUCA" → "De Luca".
    static func capitalized(_ text: String) -> String {
        text.lowercased().split(separator: " ", omittingEmptySubsequences: true).map { word in
            word.split(separator: "'", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "'")
        }.joined(separator: " ")
    }
}

extension String {
    /// Lower-case ASCII letters only: accents removed, spaces and apostrophes dropped.
    fileprivate var folded: String {
        folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .lowercased()
            .unicodeScalars.filter { ("a"..."z").contains($0) }
            .map(String.init).joined()
    }
}
