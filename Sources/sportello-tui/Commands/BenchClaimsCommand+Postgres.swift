import Foundation
import LocalStore

extension BenchClaimsCommand {
    /// `bench claims --url postgresql://…`: the product's claims on PostgreSQL, then pgbench.
    func runPostgres() async throws {
        guard let url else { throw CommandFailure.usage("--url postgresql://… necessario") }
        let parsed: PostgresCentralURL
        do { parsed = try PostgresCentralURL(parsing: url) } catch { throw CommandFailure.usage(error.description) }
        if let pgbench, !FileManager.default.isExecutableFile(atPath: pgbench) {
            throw CommandFailure.usage("pgbench non eseguibile: \(pgbench)")
        }
        let bench = BenchClaimsPostgres(url: parsed, callers: callers, calls: calls, pgbench: pgbench,
                                        pgbenchSeconds: pgbenchSeconds, keep: keepDatabase,
                                        closeAndCall: closeAndCall)
        let report: BenchClaimsPostgres.Report
        do { report = try await bench.run() } catch let error as PostgresCentralError {
            throw error.commandFailure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            func f(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
            print("bench claims: \(report.callers) chiamanti, \(report.calls) chiamate, \(report.central) (PostgreSQL)")
            print("  durata \(f(report.seconds, 1)) s, chiamate/s \(f(report.claimsPerS, 0)) (chiamata + chiusura per biglietto)")
            print(report.mode == "close_and_call"
                ? "  modo: chiudi e chiama il successivo in una sola chiamata (la latenza della chiamata comprende la chiusura)"
                : "  modo: chiamata, poi chiusura (due chiamate per biglietto)")
            print("  chiamata p50 \(f(report.p50Ms)) ms, p90 \(f(report.p90Ms)) ms, p99 \(f(report.p99Ms)) ms, "
                + "p99.9 \(f(report.p999Ms)) ms, max \(f(report.maxMs)) ms")
            print("  chiusura p50 \(f(report.closeP50Ms)) ms, p99 \(f(report.closeP99Ms)) ms")
            print("  chiamate doppie: \(report.doubleClaims), biglietti ancora in attesa: \(report.leftWaiting)")
            for bare in report.bare {
                print("  pgbench \(bare.script): \(f(bare.tps, 0)) tps, latenza media \(f(bare.latencyAverageMs)) ms, "
                    + "rapporto prodotto/SQL nudo \(f(bare.ratio))")
            }
        }
        if report.doubleClaims > 0 || report.calls != calls || report.leftWaiting > 0 {
            throw CommandFailure.rejected(
                "verifica fallita: \(report.doubleClaims) chiamate doppie, \(report.calls) chiamate su \(calls), "
                    + "\(report.leftWaiting) biglietti ancora in attesa")
        }
    }
}
