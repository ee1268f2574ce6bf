import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui contacts export --format csv|json [--output FILE]`: the whole registry.
/// CSV uses the import's Italian header names (so an export imports back), `;`, UTF-8
/// with byte-order mark (what Excel on Italian Windows opens correctly); JSON is a list of
/// contacts (the fields of `contacts show --json`). Merged records are included, marked.
struct ContactsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Esporta l'anagrafica in CSV o JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var homeOptions: HomeOptions
    @OptionGroup var access: ContactsAccessOptions

    @Option(help: "Formato: csv o json.")
    var format: Format

    @Option(help: ArgumentHelp("File da scrivere (predefinito: uscita standard).", valueName: "FILE"))
    var output: String?

    /// Phone and e-mail columns in the CSV (further ones are in the JSON export only).
    static let phoneColumns = 3
    static let emailColumns = 2

    static var csvHeader: [String] {
        ["codice_fiscale", "cognome", "nome", "sesso", "data_nascita", "luogo_nascita", "cittadinanza",
         "indirizzo", "civico", "cap", "comune", "provincia"]
            + (1...phoneColumns).map { $0 == 1 ? "telefono" : "telefono\($0)" }
            + (1...emailColumns).map { $0 == 1 ? "email" : "email\($0)" }
            + ["canale_preferito", "consenso_privacy", "consenso_sms", "consenso_email",
               "documento_tipo", "documento_numero", "documento_ente", "documento_scadenza", "note", "id", "unito_a"]
    }

    func run() async throws {
        let station = try ContactsCommandSupport.openStation(homeOptions)
        defer { station.close() }
        let context = try access.context(for: station)
        let handle: FileHandle
        if let output {
            guard !FileManager.default.fileExists(atPath: output) else {
                throw CommandFailure.rejected("\(output) esiste già: non viene sovrascritto")
            }
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let opened = FileHandle(forWritingAtPath: output) else {
                throw CommandFailure.usage("impossibile scrivere \(output)")
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        var buffer = Data()
        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count > 1 << 16 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        switch format {
        case .csv:
            write("\u{FEFF}" + Self.csvHeader.joined(separator: ";") + "\r\n")
        case .json:
            write("[")
        }
        let count = try ContactsCommandSupport.run {
            try station.store.forEachContact(context: context) { stored in
                switch format {
                case .csv:
                    write(Self.csvRow(stored).map(Self.quoted).joined(separator: ";") + "\r\n")
                case .json:
                    write((first ? "\n" : ",\n") + String(decoding: try encoder.encode(ContactsJSONContact(stored: stored)), as: UTF8.self))
                    first = false
                }
            }
        }
        if format == .json { write(count == 0 ? "]\n" : "\n]\n") }
        handle.write(buffer)
        if output != nil {
            try? handle.close()
            StandardError.writeLine("esportati \(count) contatti in \(output!)")
        }
    }

    static func csvRow(_ stored: StoredContact) -> [String] {
        let d = stored.contact.details
        func consent(_ kind: Consent.Kind) -> String {
            d.consent(kind).map { ($0.granted ? "sì " : "no ") + $0.recordedOn.italian } ?? ""
        }
        let document = d.documents.last
        var row = [d.fiscalCode ?? "", d.surname, d.name, d.sex?.rawValue ?? "", d.birthDate?.italian ?? "", d.birthPlace,
                   d.citizenship, d.address.street, d.address.number, d.address.cap, d.address.comune, d.address.province]
        row += (0..<phoneColumns).map { $0 < d.phones.count ? d.phones[$0].e164 : "" }
        row += (0..<emailColumns).map { $0 < d.emails.count ? d.emails[$0].value : "" }
        row += [d.preferredChannel.rawValue, consent(.privacyNotice), consent(.sms), consent(.email),
                document?.kind.rawValue ?? "", document?.number ?? "", document?.issuer ?? "",
                document?.expiresOn?.italian ?? "", d.notes, stored.contact.id.rawValue, stored.mergedInto?.rawValue ?? ""]
        return row
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
