import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui chaos --url URL [--restart SCRIPT] [--minutes N] [--stations K] [--seed S] [--json]`:
/// a tool for administrators and tests. On a throwaway database of the server at URL (an
/// owner's URL; the database and its roles are dropped at the end) it runs K counter stations
/// and a display through a long random workload with random faults (crashes at the sync
/// engine's fault points, in this process and as `sync once` child processes, connections
/// ended by the server, restarts through SCRIPT, duplicated and shuffled deliveries, clocks
/// minutes apart), then heals and checks that nothing was lost, applied twice or called
/// twice. Exit 1 on any violation. `scripts/chaos` starts a cluster of its own and runs it.
struct ChaosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaos",
        abstract: "Prova di resistenza: postazioni e tabellone su PostgreSQL con guasti casuali (strumento di verifica).")

    @Option(help: "URL del server PostgreSQL con un utente che crea database e ruoli (postgresql://…).")
    var url: String

    @Option(help: "Script che riavvia il server (restart); senza, nessun riavvio.")
    var restart: String?

    @Option(help: "Durata del carico in minuti (anche decimali).")
    var minutes: Double = 60

    @Option(help: "Numero di postazioni sportello (1-16).")
    var stations: Int = 3

    @Option(help: "Seme del generatore casuale (per ripetere una prova); predefinito: casuale.")
    var seed: UInt64?

    @Option(help: "Secondi concessi alla fine per riallineare le postazioni.")
    var healSeconds: Double = 180

    @Flag(help: "Uscita JSON (il diario dei guasti va sullo standard error).")
    var json = false

    func validate() throws {
        guard (1...16).contains(stations) else { throw ValidationError("--stations: da 1 a 16") }
        guard minutes > 0, minutes <= 24 * 60 else { throw ValidationError("--minutes: più di 0, al massimo 1440") }
        if let restart, !FileManager.default.isExecutableFile(atPath: restart) {
            throw ValidationError("--restart: \(restart) non è un programma eseguibile")
        }
    }

    func run() async throws {
        let serverURL: PostgresCentralURL
        do { serverURL = try PostgresCentralURL(parsing: url) } catch { throw CommandFailure.usage("URL non valido: \(error)") }
        let seed = seed ?? UInt64.random(in: 1..<1_000_000_000)
        let json = json
        let started = Date()
        let log: (String) -> Void = { line in
            let text = String(format: "[%6.1fs] ", Date().timeIntervalSince(started)) + line + "\n"
            if json { FileHandle.standardError.write(Data(text.utf8)) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
        }
        log("seme \(seed), \(stations) postazioni, \(minutes) minuti (ripetere: --seed \(seed))")

        let database: (url: PostgresCentralURL, rolePrefix: String)
        do { database = try await FaultOffice.createDatabase(serverURL: serverURL) } catch {
            throw CommandFailure.usage("database di prova non creato: \(error)")
        }
        let directory = NSTemporaryDirectory() + "sportello-chaos-" + String(seed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary: FaultSummary
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let office = try await FaultOffice.create(ownerURL: database.url, rolePrefix: database.rolePrefix,
                                                      directory: directory, stations: stations)
            log("ufficio pronto: database \(database.url.database), postazioni \(office.stationIDs.joined(separator: ", ")) e tabellone, "
                + "orologi spostati di \(office.offsets.map { "\(Int($0))" }.joined(separator: "/")) s")
            let workload = try FaultWorkload(office: office, seed: seed, restartScript: restart,
                                             binary: Bundle.main.executablePath, log: log)
            defer { workload.close() }
            summary = try await Self.drive(workload, minutes: minutes, healSeconds: healSeconds, seed: seed, log: log)
        } catch {
            try? await FaultOffice.dropDatabase(serverURL: serverURL, name: database.url.database, rolePrefix: database.rolePrefix)
            throw CommandFailure.usage("prova interrotta: \(error)")
        }
        try? await FaultOffice.dropDatabase(serverURL: serverURL, name: database.url.database, rolePrefix: database.rolePrefix)
        try print(summary)
        if !summary.violations.isEmpty {
            throw CommandFailure.rejected("prova fallita (seme \(seed)): " + summary.violations.joined(separator: "; "))
        }
    }

    /// Rounds of 20 to 60 operations, each followed by a fault chosen by the seeded generator,
    /// until the time is up; then healing and the check.
    static func drive(_ workload: FaultWorkload, minutes: Double, healSeconds: Double, seed: UInt64,
                      log: (String) -> Void) async throws -> FaultSummary {
        var rng = SeededGenerator(seed: seed ^ 0x5EED)
        let deadline = Date().addingTimeInterval(minutes * 60)
        while Date() < deadline {
            await workload.run(operations: Int.random(in: 20...60, using: &rng))
            await workload.inject(workload.randomFault())
        }
        log("carico finito: riallineamento")
        await workload.heal(timeoutSeconds: healSeconds)
        return try await workload.check()
    }

    private func print(_ summary: FaultSummary) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            var output = try encoder.encode(summary)
            output.append(0x0A)
            FileHandle.standardOutput.write(output)
            return
        }
        let faults = summary.faults.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        Swift.print("""
            seme \(summary.seed): \(summary.stations) postazioni, \(summary.operations) operazioni \
            (\(summary.operationFailures) non riuscite durante i guasti), \(summary.syncExchanges) sincronizzazioni \
            (\(summary.syncFailures) interrotte)
            guasti: \(faults.isEmpty ? "nessuno" : faults); arresti al punto previsto: \(summary.crashesReached)
            riallineamento: \(summary.healed ? "in \(summary.healSeconds) s" : "NON riuscito")
            eventi: scritti \(summary.eventsWritten), applicati \(summary.eventsApplied), persi \(summary.eventsLost), \
            applicati due volte \(summary.eventsDuplicated), rifiutati \(summary.eventsRefused), reinviati \(summary.redelivered)
            registro: \(summary.contacts) contatti, \(summary.registryMismatches) differenze, \(summary.versionGaps) versioni incoerenti
            coda: \(summary.tickets) biglietti, \(summary.claims) chiamate (\(summary.resumedClaims) riprese dopo un guasto), \(summary.doubleClaims) chiamate doppie, \
            \(summary.displayMismatches) differenze sul tabellone
            esito: \(summary.violations.isEmpty ? "nessuna violazione" : summary.violations.joined(separator: "; "))
            """)
    }
}
