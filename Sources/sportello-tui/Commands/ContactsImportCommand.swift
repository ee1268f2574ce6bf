import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui contacts import FILE [--dry-run]`: a CSV file into the registry, in one
/// transaction; rejected rows are listed with their line and reason on screen and in a
/// report file (`HOME/reports/`).
struct ContactsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importa contatti da un file CSV (UTF-8 o Windows-1252, separatore ; o ,).")

    @OptionGroup var homeOptions: HomeOptions
    @OptionGroup var access: ContactsAccessOptions

    @Argument(help: "File CSV da importare.")
    var file: String

    @Flag(help: "Controlla tutto e mostra il risultato senza salvare nulla.")
    var dryRun = false

    @Option(help: ArgumentHelp("Dove scrivere il rapporto (predefinito: HOME/reports/).", valueName: "FILE"))
    var report: String?

    /// Rows of detail shown on screen; the report file has them all.
    static let detailsOnScreen = 50

    func run() async throws {
        let station = try ContactsCommandSupport.openStation(homeOptions)
        defer { station.close() }
        let context = try access.context(for: station)
        guard let data = FileManager.default.contents(atPath: file) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) {
                throw CommandFailure.usage(isDirectory.boolValue ? "\(file) è una cartella, non un file CSV" : "\(file) non è leggibile")
            }
            throw CommandFailure.usage("file \(file) non trovato")
        }
        let today = CivilDate(station.store.clock.now(), timeZone: ContactsCommandSupport.romeTimeZone)
        let csv: ContactCSVImport
        do {
            csv = try ContactCSVImport(data: data, today: today)
        } catch {
            throw CommandFailure.rejected("\(file): \(error.description)")
        }
        let source = URL(fileURLWithPath: file).lastPathComponent
        // About 100 bytes per row in the files offices export.
        let expectedRows = data.count / 100
        let bar = isatty(STDERR_FILENO) == 1 ? ContactsProgressBar() : nil
        let (result, summary) = try ContactsCommandSupport.run {
            try station.store.importContacts(csv, source: source, context: context, dryRun: dryRun,
                                             expectedRows: expectedRows, progress: bar.map { bar in { bar.show($0) } })
        }
        bar?.finish()
        let reportText = Self.reportText(file: file, context: context, result: result, summary: summary,
                                         at: station.store.clock.now())
        let reportPath = try writeReport(reportText, home: station.home, source: source, at: station.store.clock.now())
        print((dryRun ? "Prova (nulla salvato): " : "") + result.summary)
        for line in result.details.prefix(Self.detailsOnScreen) { print(line) }
        if result.details.count > Self.detailsOnScreen {
            print("… altre \(result.details.count - Self.detailsOnScreen) righe nel rapporto")
        }
        print("Rapporto: \(reportPath)")
    }

    static func reportText(file: String, context: AccessContext, result: ContactImportReport,
                           summary: ContactImportSummary, at instant: Date) -> String {
        var lines = [
            "Importazione contatti da \(file)",
            "Data: \(ContactsCommandSupport.localTime(instant)); operatore: \(context.operatorUsername); stazione: \(context.stationID); finalità: \(context.purpose.label)",
            (summary.dryRun ? "Prova (nulla salvato): " : "") + result.summary,
            summary.bulk ? "Percorso di caricamento massivo (indici ricostruiti alla fine)." : "Percorso riga per riga.",
            "",
        ]
        lines += result.details
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report goes to `--report`, else `HOME/reports/import-YYYYMMDD-HHMMSS-FILE.txt`
    /// (folder 0700, file 0600: it names people's rows).
    func writeReport(_ text: String, home: StationHome, source: String, at instant: Date) throws -> String {
        let path: String
        if let report {
            path = report
        } else {
            let folder = home.path + "/reports"
            do { try SecureFiles.makeDirectory(folder) } catch { throw HomeOptions.failure(for: error) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = ContactsCommandSupport.romeTimeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            let stamp = String(format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                               c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            let base = source.replacingOccurrences(of: "/", with: "_")
            var candidate = "\(folder)/import-\(stamp)-\(base).txt"
            var counter = 2
            while FileManager.default.fileExists(atPath: candidate) {
                candidate = "\(folder)/import-\(stamp)-\(base)-\(counter).txt"
                counter += 1
            }
            path = candidate
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure.usage("impossibile scrivere il rapporto in \(path)")
        }
        return path
    }
}
