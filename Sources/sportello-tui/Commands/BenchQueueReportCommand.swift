import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `bench queue-report`: a year of tickets (250 working days × 1,500 by default) written in
/// bulk into a new central file, then the report over the whole range computed several
/// times. Prints the load time and the report times (first, then min/median/max).
struct BenchQueueReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-report",
        abstract: "Rapporto della coda su un anno di biglietti (caricati in blocco).")

    @Option(name: .long, help: "Giorni lavorativi caricati.")
    var days = 250

    @Option(name: .long, help: "Biglietti per giorno.")
    var ticketsPerDay = 1_500

    @Option(name: .long, help: "Sportelli.")
    var counters = 40

    @Option(name: .long, help: "Ripetizioni del rapporto.")
    var runs = 5

    @Option(name: .long, help: ArgumentHelp(
        "Database centrale da creare e conservare (sqlite:///PERCORSO, non deve esistere), o server PostgreSQL (postgresql://…: database di prova creato e poi eliminato); predefinito un file temporaneo.",
        valueName: "URL"))
    var central: String?

    @Option(name: .long, help: ArgumentHelp("Ultimo giorno caricato (AAAA-MM-GG).", valueName: "DATA"))
    var lastDay = "2026-11-27"

    @Flag(name: .long, help: "Stampa il risultato in JSON.")
    var json = false

    func validate() throws {
        guard days >= 1, ticketsPerDay >= 1, counters >= 2, runs >= 1 else {
            throw CommandFailure.usage("--days, --tickets-per-day e --runs almeno 1, --counters almeno 2")
        }
        guard LocalDay(iso: lastDay)?.isValidDate == true else { throw CommandFailure.usage("data non valida: \(lastDay)") }
    }

    struct Result: Encodable {
        var central: String
        var days: Int
        var tickets: Int
        var events: Int
        var loadSeconds: Double
        var firstReportMs: Double
        var reportMsMin: Double
        var reportMsMedian: Double
        var reportMsMax: Double
        var issued: Int
        var meanWaitMinutes: Double?
    }

    func run() async throws {
        if let central, central.hasPrefix("postgresql://") {
            try await runPostgres(url: central)
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-report-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let path: String
        if let central {
            guard central.hasPrefix("sqlite:///") else { throw CommandFailure.usage("usa sqlite:///PERCORSO") }
            path = String(central.dropFirst("sqlite://".count))
            if FileManager.default.fileExists(atPath: path) { throw CommandFailure.usage("\(path) esiste già") }
        } else {
            path = work.appendingPathComponent("central.sqlite").path
        }
        let last = LocalDay(iso: lastDay)!
        let backend: SQLiteQueueBackend
        do {
            backend = try CentralQueueFile.openBackend(path: path, clock: SystemClock())
            try await backend.replaceConfiguration(BenchClaimsCommand.benchConfiguration(callers: counters))
        } catch {
            throw HomeOptions.failure(for: error)
        }
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let summary = try QueueReportYearLoader.load(into: backend, lastDay: last, days: days,
                                                     ticketsPerDay: ticketsPerDay, counters: counters, seed: 2026)
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        let configuration = try await backend.configuration()
        var times: [Double] = []
        var report: QueueReport?
        for _ in 0..<(runs + 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let facts = try await backend.reportFacts(from: summary.firstDay, to: summary.lastDay)
            report = QueueReport(facts: facts, configuration: configuration)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let first = times.removeFirst()
        times.sort()
        let result = Result(
            central: "sqlite://" + path, days: summary.days, tickets: summary.tickets, events: summary.events,
            loadSeconds: loadSeconds, firstReportMs: first, reportMsMin: times.first!, reportMsMedian: times[times.count / 2],
            reportMsMax: times.last!, issued: report?.issued ?? 0, meanWaitMinutes: report?.waits.meanMinutes)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            func f(_ v: Double) -> String { String(format: "%.1f", v) }
            print("bench queue-report: \(result.days) giorni (\(summary.firstDay)…\(summary.lastDay)), "
                + "\(result.tickets) biglietti, \(result.events) eventi, \(result.central)")
            print("  caricamento in blocco: \(f(loadSeconds)) s")
            print("  rapporto sull'intero periodo: primo \(f(first)) ms; poi min \(f(result.reportMsMin)) ms, "
                + "mediana \(f(result.reportMsMedian)) ms, max \(f(result.reportMsMax)) ms (\(runs) ripetizioni)")
            print("  controllo: \(result.issued) biglietti nel rapporto")
        }
        if report?.issued != summary.tickets {
            throw CommandFailure.rejected("il rapporto conta \(report?.issued ?? 0) biglietti invece di \(summary.tickets)")
        }
    }
}
