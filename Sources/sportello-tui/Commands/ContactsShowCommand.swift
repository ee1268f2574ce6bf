import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui contacts show ID|CF [--json]`: one contact's card, with its recent history.
struct ContactsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Mostra la scheda di un contatto (per identificativo o codice fiscale).")

    @OptionGroup var homeOptions: HomeOptions
    @OptionGroup var access: ContactsAccessOptions

    @Argument(help: "Identificativo del contatto o codice fiscale.")
    var reference: String

    @Flag(help: "Uscita JSON.")
    var json = false

    func run() async throws {
        let station = try ContactsCommandSupport.openStation(homeOptions)
        defer { station.close() }
        let context = try access.context(for: station)
        let stored = try ContactsCommandSupport.run { try station.store.contact(reference, context: context) }
        if json {
            try ContactsCommandSupport.printJSON(ContactsJSONContact(stored: stored))
            return
        }
        let contact = stored.contact
        let d = contact.details
        var lines: [(String, String)] = [
            ("Contatto", contact.id.rawValue),
            ("Cognome e nome", "\(d.surname) \(d.name)"),
            ("Codice fiscale", d.fiscalCode ?? "-"),
            ("Sesso", d.sex?.rawValue ?? "-"),
            ("Nascita", [d.birthDate?.italian, d.birthPlace.isEmpty ? nil : d.birthPlace].compactMap { $0 }.joined(separator: ", ").ifEmpty("-")),
            ("Cittadinanza", d.citizenship.ifEmpty("-")),
        ]
        let address = [d.address.street + (d.address.number.isEmpty ? "" : " " + d.address.number),
                       [d.address.cap, d.address.comune, d.address.province.isEmpty ? "" : "(\(d.address.province))"]
                           .filter { !$0.isEmpty }.joined(separator: " ")].filter { !$0.isEmpty }.joined(separator: ", ")
        lines.append(("Indirizzo", address.ifEmpty("-")))
        lines.append(("Telefoni", d.phones.map(\.formatted).joined(separator: ", ").ifEmpty("-")))
        lines.append(("E-mail", d.emails.map(\.value).joined(separator: ", ").ifEmpty("-")))
        lines.append(("Canale preferito", d.preferredChannel.label))
        for kind in Consent.Kind.allCases {
            let answer = d.consent(kind).map { ($0.granted ? "sì" : "no") + " dal " + $0.recordedOn.italian } ?? "mai chiesto"
            lines.append(("Consenso " + kind.label, answer))
        }
        for document in d.documents {
            lines.append(("Documento", "\(document.kind.label) n. \(document.number)"
                + (document.issuer.isEmpty ? "" : ", \(document.issuer)")
                + (document.expiresOn.map { ", scade il \($0.italian)" } ?? "")))
        }
        if !d.notes.isEmpty { lines.append(("Note", d.notes)) }
        lines.append(("Creato", "\(ContactsCommandSupport.localTime(contact.createdAt)) da \(contact.createdBy)"))
        lines.append(("Modificato", "\(ContactsCommandSupport.localTime(contact.updatedAt)) da \(contact.updatedBy)"))
        lines.append(("Ultima visita", contact.lastVisitAt.map(ContactsCommandSupport.localTime) ?? "mai"))
        if let merged = stored.mergedInto { lines.append(("Unito al contatto", merged.rawValue)) }
        let width = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines {
            print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
        let history = try ContactsCommandSupport.run { try station.store.contactHistory(contact.id, context: context, limit: 20) }
        if !history.isEmpty {
            print("")
            print("Storico (più recenti prima):")
            for entry in history {
                let reference = entry.reference.isEmpty ? "" : " [\(entry.reference)]"
                print("  \(ContactsCommandSupport.localTime(entry.at))  \(entry.kind.label): \(entry.summary)\(reference) (\(entry.operatorUsername))")
            }
        }
    }
}

extension String {
    fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
