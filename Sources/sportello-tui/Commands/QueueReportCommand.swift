import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore
import Logging

/// `queue report [--from DATE] [--to DATE] [--json | --screen]`: the responsabile's report
/// over a range of office days (docs/REPORT.md). Dates are Europe/Rome days, YYYY-MM-DD;
/// `--from` defaults to today, `--to` to `--from`.
struct QueueReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rapporto della coda: attese, utenti per fascia oraria, tempi di servizio, pause.",
        discussion: """
        Le date sono giorni di calendario (Europa/Roma) nella forma AAAA-MM-GG. Senza --from il \
        rapporto è di oggi; senza --to copre il solo giorno di --from. --screen apre il rapporto \
        in una schermata interattiva con grafici a barre.
        """)

    @OptionGroup var central: QueueCentralOptions

    @Option(name: .long, help: ArgumentHelp("Primo giorno (AAAA-MM-GG); predefinito oggi.", valueName: "DATA"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Ultimo giorno (AAAA-MM-GG); predefinito quello di --from.", valueName: "DATA"))
    var to: String?

    @Flag(name: .long, help: "Stampa il rapporto in JSON.")
    var json = false

    @Flag(name: .long, help: "Apre il rapporto in una schermata interattiva.")
    var screen = false

    @Option(name: .long, help: "File di tastiera personale (con --screen).")
    var keymap: String?

    func run() async throws {
        if json && screen { throw CommandFailure.usage("--json e --screen non vanno insieme") }
        let clock = try QueueClock.make()
        let (first, last) = try QueueReportRange.parse(from: from, to: to, now: clock.now())
        // The configured central database: the embedded file or PostgreSQL, same figures.
        let queue = try await central.openQueue(clock: clock)
        guard let backend = queue as? any QueueBackend & QueueReportSource else {
            throw CommandFailure.usage("questo database centrale non fornisce il rapporto della coda")
        }
        let configuration = try await queueOperation { try await backend.configuration() }
        let load: @Sendable () async throws -> QueueReport = {
            let facts = try await backend.reportFacts(from: first, to: last)
            return QueueReport(facts: facts, configuration: configuration)
        }
        if screen {
            try await ReportScreenRunner.run(load: load, keymap: keymap, home: central.homeOptions.home)
            return
        }
        let facts = try await queueOperation { try await backend.reportFacts(from: first, to: last) }
        guard !facts.isEmpty else {
            throw CommandFailure.rejected(first == last
                ? "Nessun dato per il \(QueueReportText.date(first)): nessun biglietto emesso e nessuno sportello aperto"
                : "Nessun dato dal \(QueueReportText.date(first)) al \(QueueReportText.date(last)): "
                    + "nessun biglietto emesso e nessuno sportello aperto")
        }
        let report = QueueReport(facts: facts, configuration: configuration)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print("Rapporto della coda – \(QueueReportText.period(report))")
        for section in QueueReportText.sections(report, width: 78) {
            print("")
            print("== \(section.title) ==")
            for line in section.lines { print(line) }
        }
    }
}
