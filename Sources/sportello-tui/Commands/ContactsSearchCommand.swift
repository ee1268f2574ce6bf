import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui contacts search TEXT [--json]`: the search box of the cruscotto.
struct ContactsSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Cerca per codice fiscale (anche parziale), cognome e nome, telefono o e-mail.")

    @OptionGroup var homeOptions: HomeOptions
    @OptionGroup var access: ContactsAccessOptions

    @Argument(help: "Testo da cercare (come nella casella di ricerca).")
    var text: String

    @Flag(help: "Uscita JSON.")
    var json = false

    struct Row: Encodable {
        let id: String
        let rank: Int
        let tier: String
        let surname: String
        let name: String
        let fiscalCode: String?
        let birthDate: String?
        let comune: String
        let phones: [String]
        let emails: [String]
        let lastVisitAt: String?

        enum CodingKeys: String, CodingKey {
            case id, rank, tier, surname, name, comune, phones, emails
            case fiscalCode = "fiscal_code", birthDate = "birth_date", lastVisitAt = "last_visit_at"
        }
    }

    static func tierName(_ tier: ContactRanking.Tier) -> String {
        switch tier {
        case .exactIdentifier: "exact_identifier"
        case .exactSurname: "exact_surname"
        case .prefix: "prefix"
        }
    }

    func run() async throws {
        let station = try ContactsCommandSupport.openStation(homeOptions)
        defer { station.close() }
        let context = try access.context(for: station)
        if ContactQuery(text).isEmpty {
            throw CommandFailure.usage("testo di ricerca vuoto o non interpretabile: scrivere un codice fiscale, un cognome e nome, un telefono o un'e-mail")
        }
        let matches = try ContactsCommandSupport.run { try station.store.searchContacts(text, context: context) }
        if json {
            try ContactsCommandSupport.printJSON(matches.enumerated().map { index, match in
                Row(id: match.id.rawValue, rank: index + 1, tier: Self.tierName(match.tier), surname: match.facts.surname,
                    name: match.facts.name, fiscalCode: match.facts.fiscalCode, birthDate: match.birthDate?.iso,
                    comune: match.comune, phones: match.facts.phones.map(\.e164), emails: match.facts.emails.map(\.value),
                    lastVisitAt: match.facts.lastVisitAt.map(ContactsCommandSupport.iso))
            })
            return
        }
        guard !matches.isEmpty else {
            throw CommandFailure.rejected("nessun contatto trovato per «\(text)»")
        }
        for match in matches {
            let facts = match.facts
            var parts = ["\(facts.surname) \(facts.name)", facts.fiscalCode ?? "-", match.birthDate?.italian ?? "-"]
            parts.append(match.comune.isEmpty ? "-" : match.comune)
            parts.append(facts.phones.first?.formatted ?? "-")
            parts.append(facts.lastVisitAt.map { "visita " + ContactsCommandSupport.localTime($0) } ?? "mai visto")
            parts.append(match.id.rawValue)
            print(parts.joined(separator: "\t"))
        }
    }
}
