import Foundation
import Testing
@testable import LocalStore

/// The contacts commands driven through the built binary, as an administrator runs them.
@Suite("Contacts commands", .enabled(if: sportelloBinary != nil, "build sportello-tui first"))
struct ContactCommandTests {
    /// The shared runner, as the account `admin` and without an operator in the environment.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandOutcome {
        try runSportello(arguments, environment: ["USER": "admin", "SPORTELLO_OPERATOR": ""].merging(extra) { _, new in new })
    }

    @Test func importSearchShowExport() throws {
        let dir = try TemporaryDirectory()
        let home = dir.home.path
        #expect(try run(["init", "--home", home]).status == 0)
        let file = dir.file("anagrafe.csv")
        try ContactImportStoreTests.goodAndBad.write(toFile: file, atomically: true, encoding: .utf8)

        let dry = try run(["contacts", "import", file, "--dry-run", "--home", home])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Prova (nulla salvato): File UTF-8, separatore «;»: 3 contatti creati"))

        let first = try run(["contacts", "import", file, "--home", home])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("File UTF-8, separatore «;»: 3 contatti creati, 0 già presenti, 0 ripetuti nel file, 5 righe scartate."))
        #expect(first.stdout.contains("riga 7: scartata: la riga ha 5 campi invece di 7 come l'intestazione"))
        let reportLine = try #require(first.stdout.split(separator: "\n").last { $0.hasPrefix("Rapporto: ") })
        let reportPath = String(reportLine.dropFirst("Rapporto: ".count))
        #expect(reportPath.hasPrefix(home + "/reports/import-"))
        let report = try String(contentsOfFile: reportPath, encoding: .utf8)
        #expect(report.contains("operatore: sistema:admin"))
        #expect(report.contains("riga 4: scartata: codice fiscale:"))
        #expect(SecureFiles.mode(of: reportPath) == 0o600)

        let again = try run(["contacts", "import", file, "--home", home])
        #expect(again.stdout.hasPrefix("File UTF-8, separatore «;»: 0 contatti creati, 3 già presenti"))

        let search = try run(["contacts", "search", "niccolo ross", "--json", "--home", home])
        #expect(search.status == 0, "\(search.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["name"] as? String == "Niccolò")
        #expect(rows.first?["tier"] as? String == "prefix")
        let code = try #require(rows.first?["fiscal_code"] as? String)

        let show = try run(["contacts", "show", code.lowercased(), "--json", "--home", home])
        #expect(show.status == 0, "\(show.stderr)")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(card["surname"] as? String == "Rossi")
        #expect(card["phones"] as? [String] == ["+393331234567"])
        #expect(card.keys.contains("merged_into"))
        let text = try run(["contacts", "show", code, "--home", home])
        #expect(text.stdout.split(separator: "\n").contains { $0.hasPrefix("Cognome e nome ") && $0.hasSuffix("  Rossi Niccolò") })

        #expect(try run(["contacts", "search", "nessunotrovato", "--home", home]).status == 1)
        #expect(try run(["contacts", "show", "RSSMRA80A01G535X", "--home", home]).status == 1)

        let json = try run(["contacts", "export", "--format", "json", "--home", home])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 3)
        let csvPath = dir.file("export.csv")
        #expect(try run(["contacts", "export", "--format", "csv", "--output", csvPath, "--home", home]).status == 0)
        // An export imports back as nothing new.
        let back = try run(["contacts", "import", csvPath, "--home", home])
        #expect(back.stdout.hasPrefix("File UTF-8 con BOM, separatore «;»: 0 contatti creati, 3 già presenti"), "\(back.stdout)")
        #expect(try run(["contacts", "export", "--format", "csv", "--output", csvPath, "--home", home]).status == 1)

        let merges = try run(["contacts", "merges", "--home", home])
        #expect(merges.stdout == "nessuna unione registrata\n")

        // Every command left its audit row, with the administrative identity.
        let store = try AppDatabase.open(at: dir.home.storePath)
        let log = try store.accessLog()
        #expect(log.contains { $0.what.hasPrefix("ricerca contatti «niccolo ross»") && $0.operatorUsername == "sistema:admin" && $0.purpose == "administration" })
        #expect(log.contains { $0.what.hasPrefix("anagrafica: esportazione di 3 contatti") })
        try store.close()
    }

    @Test func badFilesAndOptions() throws {
        let dir = try TemporaryDirectory()
        let home = dir.home.path
        #expect(try run(["init", "--home", home]).status == 0)
        func importing(_ bytes: [UInt8]) throws -> CommandOutcome {
            let path = dir.file("f\(bytes.count).csv")
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return try run(["contacts", "import", path, "--home", home])
        }
        let empty = try importing([])
        #expect(empty.status == 1)
        #expect(empty.stderr.hasSuffix("il file è vuoto\n"))
        let binary = try importing([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01])
        #expect(binary.status == 1)
        #expect(binary.stderr.contains("non è un file CSV"))
        let duplicated = try importing(Array("cognome;nome;Cognome\nA;B;C\n".utf8))
        #expect(duplicated.stderr.contains("intestazione duplicata: «cognome» compare nelle colonne 1 e 3"))
        let unknown = try importing([0x63, 0x6F, 0x67, 0x6E, 0x6F, 0x6D, 0x65, 0x3B, 0x81, 0x0A])
        #expect(unknown.stderr.contains("codifica sconosciuta"))
        #expect(try run(["contacts", "import", dir.file("manca.csv"), "--home", home]).status == 2)
        for outcome in [empty, binary, duplicated, unknown] {
            #expect(outcome.stderr.split(separator: "\n").count == 1)
        }

        let stranger = try run(["contacts", "search", "rossi", "--operator", "nessuno", "--home", home])
        #expect(stranger.status == 2)
        #expect(stranger.stderr == "sportello-tui: operatore «nessuno» sconosciuto a questa stazione\n")
        #expect(try run(["contacts", "search", "rossi", "--purpose", "training", "--home", home]).status == 2)
        #expect(try run(["contacts", "search", "rossi", "--home", home], environment: ["SPORTELLO_OPERATOR": "ignoto"]).status == 2)
        let store = try AppDatabase.open(at: dir.home.storePath)
        #expect(try store.contactCount() == 0)
        try store.close()
    }
}
