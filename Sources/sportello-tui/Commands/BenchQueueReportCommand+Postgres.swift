import CruscottoModel
import Foundation
import LocalStore

extension BenchQueueReportCommand {
    /// `bench queue-report --central postgresql://…`: the same year written into a central
    /// file, copied into a new PostgreSQL database on that server (dropped at the end), then
    /// the report over the whole range on PostgreSQL: first without summaries (it writes
    /// them), then the repeated runs. The facts must equal the file's.
    func runPostgres(url text: String) async throws {
        let server: PostgresCentralURL
        do { server = try PostgresCentralURL(parsing: text) } catch { throw CommandFailure.usage(error.description) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-report-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let name = "sportello_bench_report_\(getpid())"
        let target = server.with(database: name)
        do {
            try await PostgresCentralAdmin.execute(server, sql: "DROP DATABASE IF EXISTS \"\(name)\"")
            try await PostgresCentralAdmin.execute(server, sql: "CREATE DATABASE \"\(name)\"")
        } catch {
            throw error.commandFailure
        }
        do {
            try await measurePostgres(target, work: work)
            try await PostgresCentralAdmin.execute(server, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        } catch {
            try? await PostgresCentralAdmin.execute(server, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            if let error = error as? PostgresCentralError { throw error.commandFailure }
            throw error
        }
    }

    private func measurePostgres(_ target: PostgresCentralURL, work: URL) async throws {
        let last = LocalDay(iso: lastDay)!
        let configuration = BenchClaimsCommand.benchConfiguration(callers: counters)
        let file: SQLiteQueueBackend
        do {
            file = try CentralQueueFile.openBackend(path: work.appendingPathComponent("central.sqlite").path,
                                                    clock: SystemClock())
            try await file.replaceConfiguration(configuration)
        } catch {
            throw HomeOptions.failure(for: error)
        }
        func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var start = DispatchTime.now().uptimeNanoseconds
        let summary = try QueueReportYearLoader.load(into: file, lastDay: last, days: days,
                                                     ticketsPerDay: ticketsPerDay, counters: counters, seed: 2026)
        let loadSeconds = seconds(since: start)

        _ = try await CentralMigrator.migrate(target)
        let central = try await PostgresCentral.connect(target)
        defer { central.shutdown() }
        try await PostgresQueueBackend.replaceConfiguration(configuration, in: central)
        let backend = try await PostgresQueueBackend.open(central: central, clock: SystemClock())
        start = DispatchTime.now().uptimeNanoseconds
        try await backend.copyReportDays(from: file, first: summary.firstDay, last: summary.lastDay)
        let copySeconds = seconds(since: start)

        var times: [Double] = []
        var facts: QueueReportFacts?
        for _ in 0..<(runs + 1) {
            start = DispatchTime.now().uptimeNanoseconds
            facts = try await backend.reportFacts(from: summary.firstDay, to: summary.lastDay)
            times.append(seconds(since: start) * 1000)
        }
        start = DispatchTime.now().uptimeNanoseconds
        let fileFacts = try await file.reportFacts(from: summary.firstDay, to: summary.lastDay)
        let fileMs = seconds(since: start) * 1000
        let first = times.removeFirst()
        times.sort()
        let report = facts.map { QueueReport(facts: $0, configuration: configuration) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        if json {
            struct Result: Encodable {
                var central: String, days: Int, tickets: Int, loadSeconds: Double, copySeconds: Double
                var firstReportMs: Double, reportMsMin: Double, reportMsMedian: Double, reportMsMax: Double
                var fileReportMs: Double, issued: Int, sameFactsAsFile: Bool
            }
            let result = Result(
                central: "postgresql (\(target.host):\(target.port))", days: summary.days, tickets: summary.tickets,
                loadSeconds: loadSeconds, copySeconds: copySeconds, firstReportMs: first, reportMsMin: times.first!,
                reportMsMedian: times[times.count / 2], reportMsMax: times.last!, fileReportMs: fileMs,
                issued: report?.issued ?? 0, sameFactsAsFile: facts == fileFacts)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print("bench queue-report: \(summary.days) giorni (\(summary.firstDay)…\(summary.lastDay)), "
                + "\(summary.tickets) biglietti, PostgreSQL \(target.host):\(target.port)")
            print("  caricamento nel file: \(f(loadSeconds)) s; copia in PostgreSQL: \(f(copySeconds)) s")
            print("  rapporto sull'intero periodo su PostgreSQL: primo (senza riepiloghi) \(f(first)) ms; "
                + "poi min \(f(times.first!)) ms, mediana \(f(times[times.count / 2])) ms, max \(f(times.last!)) ms "
                + "(\(runs) ripetizioni)")
            print("  stesso rapporto sul file: \(f(fileMs)) ms")
            print("  controllo: \(report?.issued ?? 0) biglietti nel rapporto, fatti uguali al file: "
                + (facts == fileFacts ? "sì" : "no"))
        }
        if facts != fileFacts { throw CommandFailure.rejected("il rapporto su PostgreSQL differisce da quello sul file") }
        if report?.issued != summary.tickets {
            throw CommandFailure.rejected("il rapporto conta \(report?.issued ?? 0) biglietti invece di \(summary.tickets)")
        }
    }
}
