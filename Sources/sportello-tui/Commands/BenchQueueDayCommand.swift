import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore

/// `bench queue-day`: a simulated office day played through the real queue protocol on a
/// new central file, with the clock moved by the simulation; then the day's report from the
/// tables, checked against what the simulation knows happened.
struct BenchQueueDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-day",
        abstract: "Giornata simulata sul protocollo reale della coda, con verifica del rapporto.")

    @Option(name: .long, help: ArgumentHelp("Giorno simulato (AAAA-MM-GG).", valueName: "DATA"))
    var day = "2026-11-26"

    @Option(name: .long, help: "Seme della simulazione.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp(
        "Database centrale da creare e conservare (sqlite:///PERCORSO, non deve esistere); predefinito un file temporaneo.",
        valueName: "URL"))
    var central: String?

    @Flag(name: .long, help: "Stampa anche il rapporto completo.")
    var showReport = false

    func run() async throws {
        guard let simulated = LocalDay(iso: day), simulated.isValidDate else {
            throw CommandFailure.usage("data non valida: \(day) (usa AAAA-MM-GG)")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-queue-day-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var path = work.appendingPathComponent("central.sqlite").path
        if let central {
            guard central.hasPrefix("sqlite:///") else { throw CommandFailure.usage("usa sqlite:///PERCORSO") }
            path = String(central.dropFirst("sqlite://".count))
            if FileManager.default.fileExists(atPath: path) { throw CommandFailure.usage("\(path) esiste già") }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let run = try await QueueDaySimulationRun.play(day: simulated, seed: seed, path: path)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let report = run.report
        print("bench queue-day: \(day) (seme \(seed)), \(report.issued) biglietti, \(run.operations) operazioni "
            + "sul protocollo in \(String(format: "%.2f", seconds)) s")
        print("  attesa media \(ItalianNumber.minutes(report.waits.meanMinutes)), mediana "
            + "\(ItalianNumber.minutes(report.waits.medianMinutes)), p90 \(ItalianNumber.minutes(report.waits.p90Minutes)), "
            + "entro 20 minuti \(report.waits.shareWithinTarget.map(ItalianNumber.percent) ?? "–")")
        print("  serviti \(report.served), non presentati \(report.noShows), trasferimenti \(report.transfers), "
            + "chiusi a fine giornata \(report.closedAtEndOfDay)")
        if showReport {
            for section in QueueReportText.sections(report, width: 78) {
                print("")
                print("== \(section.title) ==")
                for line in section.lines { print(line) }
            }
        }
        if run.mismatches.isEmpty {
            print("  rapporto = simulazione: sì (tutti i dati coincidono)")
        } else {
            for line in run.mismatches { print("  differenza: \(line)") }
            throw CommandFailure.rejected("il rapporto non coincide con la simulazione")
        }
    }
}
