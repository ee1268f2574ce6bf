import ArgumentParser
import CruscottoModel
import Foundation
import GRDB
import Histogram
import LocalStore

/// `bench claims`: several processes calling at once on the embedded central file.
/// Issues the tickets in bulk, starts `--callers` worker processes (one counter each) that
/// call and close tickets until the queue is empty, then checks from the ticket and event
/// tables that no ticket was called twice and every ticket was called. Prints per-phase
/// times, calls per second, claim latency p50/p99/max and the longest wait of any caller.
struct BenchClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Chiamate concorrenti di più processi sul database centrale incorporato.")

    @Option(name: .long, help: "Backend centrale: sqlite o postgresql (con --url).")
    var backend = "sqlite"

    @Option(name: .long, help: ArgumentHelp(
        "Server PostgreSQL (postgresql://…, utente che può creare database): la prova usa un database nuovo, eliminato alla fine.",
        valueName: "URL"))
    var url: String?

    @Option(name: .long, help: ArgumentHelp("pgbench per la chiamata SQL nuda a confronto (PostgreSQL).", valueName: "PERCORSO"))
    var pgbench: String?

    @Option(name: .long, help: "Durata di ogni prova pgbench in secondi.")
    var pgbenchSeconds = 20

    @Flag(name: .long, help: "Lascia il database della prova PostgreSQL.")
    var keepDatabase = false

    @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(
        "PostgreSQL: ogni chiamata dopo la prima chiude il biglietto servito nella stessa operazione (chiudi e chiama il successivo); con --no-close-and-call chiamata e chiusura sono due operazioni."))
    var closeAndCall = true

    @Option(name: .long, help: ArgumentHelp(
        "Database centrale da creare (sqlite:///PERCORSO, non deve esistere); predefinito un file temporaneo.",
        valueName: "URL"))
    var central: String?

    @Option(name: .long, help: "Processi chiamanti (uno sportello ciascuno).")
    var callers = 8

    @Option(name: .long, help: "Biglietti emessi e chiamati.")
    var calls = 100_000

    @Flag(name: .long, help: "Stampa il risultato in JSON.")
    var json = false

    struct Report: Encodable {
        struct Caller: Encodable {
            var counter: Int
            var claims: Int
            var maxClaimMs: Double
            var longestGapMs: Double
        }

        var backend: String
        var central: String
        var callers: Int
        var calls: Int
        var phasesSeconds: [String: Double]
        var callsPerSecond: Double
        var claimP50Ms: Double
        var claimP99Ms: Double
        var claimP999Ms: Double
        var claimMaxMs: Double
        var closeP50Ms: Double
        var closeP99Ms: Double
        /// The longest time any caller waited for one claim.
        var longestWaitMs: Double
        /// The longest time any caller went between two successful claims.
        var longestGapMs: Double
        var perCaller: [Caller]
        var claimsMade: Int
        var ticketsCalled: Int
        var doubleClaims: Int
        var leftWaiting: Int
    }

    func validate() throws {
        guard backend == "sqlite" || backend == "postgresql" else {
            throw CommandFailure.usage("backend non supportato: \(backend) (disponibili: sqlite, postgresql)")
        }
        if backend == "postgresql", url == nil { throw CommandFailure.usage("--url postgresql://… necessario per postgresql") }
        guard (1...64).contains(callers) else { throw CommandFailure.usage("--callers tra 1 e 64") }
        guard calls >= 1 else { throw CommandFailure.usage("--calls almeno 1") }
    }

    func run() async throws {
        if backend == "postgresql" || url != nil {
            try await runPostgres()
            return
        }
        let clock = SystemClock()
        var phases: [String: Double] = [:]
        func timed<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { phases[name] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            return try await body()
        }

        // Phase 1: a fresh central file with one counter per caller, services open all day.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bench-claims-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let path = try centralPath(work: work)
        let queue = try await timed("prepare") { () async throws -> SQLiteQueueBackend in
            let backend = try openBackend(path: path, clock: clock)
            try await queueOperation { try await backend.replaceConfiguration(Self.benchConfiguration(callers: callers)) }
            return backend
        }

        // Phase 2: the tickets, issued in bulk (one transaction per 10,000).
        try await timed("issue") {
            let services = ["ANA", "STC", "CIE"]
            var start = 0
            while start < calls {
                let end = min(calls, start + 10_000)
                let requests = (start..<end).map { i in
                    IssueRequest(serviceCode: services[i % services.count], priority: i % 10 == 0 ? "over75" : nil)
                }
                _ = try await queueOperation { try queue.issueInBulk(requests) }
                start = end
            }
        }

        // Phase 3: the callers, started together.
        let results = try await timed("claims") { try runWorkers(path: path, work: work) }

        // Phase 4: what the tables say.
        let check = try await timed("verify") { try verify(path: path) }

        var claimHistogram = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
        var closeHistogram = claimHistogram
        var claimed: [Int64] = []
        for result in results {
            claimHistogram.add(result.claimMicros)
            closeHistogram.add(result.closeMicros)
            let raw = try Data(contentsOf: URL(fileURLWithPath: work.path + "/worker-\(result.counter).json.ids"))
            raw.withUnsafeBytes { buffer in claimed.append(contentsOf: buffer.bindMemory(to: Int64.self)) }
        }
        let distinct = Set(claimed).count
        func ms(_ micros: UInt64) -> Double { Double(micros) / 1000 }
        let report = Report(
            backend: backend, central: "sqlite://" + path, callers: callers, calls: calls, phasesSeconds: phases,
            callsPerSecond: Double(claimed.count) / max(phases["claims"] ?? 1, 1e-9),
            claimP50Ms: ms(claimHistogram.valueAtPercentile(50)), claimP99Ms: ms(claimHistogram.valueAtPercentile(99)),
            claimP999Ms: ms(claimHistogram.valueAtPercentile(99.9)), claimMaxMs: ms(claimHistogram.max),
            closeP50Ms: ms(closeHistogram.valueAtPercentile(50)), closeP99Ms: ms(closeHistogram.valueAtPercentile(99)),
            longestWaitMs: ms(results.map { $0.claimMicros.max }.max() ?? 0),
            longestGapMs: ms(results.map(\.longestGapMicros).max() ?? 0),
            perCaller: results.map {
                Report.Caller(counter: $0.counter, claims: $0.claims, maxClaimMs: ms($0.claimMicros.max),
                              longestGapMs: ms($0.longestGapMicros))
            },
            claimsMade: claimed.count, ticketsCalled: check.called,
            doubleClaims: check.doubleCalled + (claimed.count - distinct), leftWaiting: check.waiting)
        try print(report: report)
        if report.doubleClaims > 0 || report.claimsMade != calls || report.ticketsCalled != calls || report.leftWaiting > 0 {
            throw CommandFailure.rejected(
                "verifica fallita: \(report.doubleClaims) chiamate doppie, \(report.claimsMade) chiamate su \(calls), "
                    + "\(report.leftWaiting) biglietti ancora in attesa")
        }
    }

    private func centralPath(work: URL) throws -> String {
        guard let central else { return work.appendingPathComponent("central.sqlite").path }
        guard central.hasPrefix("sqlite:///") else {
            throw CommandFailure.usage("database centrale non valido: \(central) (usa sqlite:///PERCORSO)")
        }
        let path = String(central.dropFirst("sqlite://".count))
        if FileManager.default.fileExists(atPath: path) {
            throw CommandFailure.usage("\(path) esiste già: il banco di prova crea un database nuovo")
        }
        return path
    }

    private func openBackend(path: String, clock: any Clock) throws -> SQLiteQueueBackend {
        do {
            return try CentralQueueFile.openBackend(path: path, clock: clock)
        } catch let error as QueueBackendError {
            throw CommandFailure.usage(error.description)
        } catch {
            throw HomeOptions.failure(for: error)
        }
    }

    /// Counters 1…callers with one profile serving three services open every day, all day,
    /// so the benchmark runs at any hour.
    static func benchConfiguration(callers: Int) -> QueueConfiguration {
        let allDay = OpeningHours(Weekday.allCases, [OpeningInterval(startMinute: 0, endMinute: 1440)!])
        var services = DefaultQueueOffice.configuration.services.filter { ["ANA", "STC", "CIE"].contains($0.code) }
        for i in services.indices { services[i].hours = allDay }
        return QueueConfiguration(
            services: services,
            profiles: [CounterProfile(code: "banco", name: "Banco di prova", serviceCodes: ["ANA", "STC", "CIE"])],
            counters: (1...callers).map { Counter(number: $0, profileCode: "banco") })
    }

    private func runWorkers(path: String, work: URL) throws -> [BenchClaimWorkerCommand.Result] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var workers: [(process: Process, input: Pipe, output: Pipe, out: String)] = []
        for counter in 1...callers {
            let process = Process()
            process.executableURL = executable
            let out = work.path + "/worker-\(counter).json"
            process.arguments = ["bench", "claim-worker", "--central", "sqlite://" + path,
                                 "--counter", String(counter), "--out", out]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            workers.append((process, input, output, out))
        }
        // Everyone opens the file first; then all start at once.
        for worker in workers {
            let line = String(decoding: worker.output.fileHandleForReading.readData(ofLength: 6), as: UTF8.self)
            guard line.hasPrefix("ready") else {
                worker.process.waitUntilExit()
                throw CommandFailure.usage("un processo chiamante non è partito (uscita \(worker.process.terminationStatus))")
            }
        }
        for worker in workers { worker.input.fileHandleForWriting.write(Data("go\n".utf8)) }
        var results: [BenchClaimWorkerCommand.Result] = []
        for worker in workers {
            worker.process.waitUntilExit()
            guard worker.process.terminationStatus == 0,
                  let data = FileManager.default.contents(atPath: worker.out),
                  let result = try? JSONDecoder().decode(BenchClaimWorkerCommand.Result.self, from: data)
            else {
                throw CommandFailure.rejected("un processo chiamante è terminato con \(worker.process.terminationStatus)")
            }
            results.append(result)
        }
        return results
    }

    /// Counts from the tables: tickets called (a `call` event), tickets called more than
    /// once, tickets still waiting.
    private func verify(path: String) throws -> (called: Int, doubleCalled: Int, waiting: Int) {
        let central = try CentralQueueFile.openCentral(path: path, clock: SystemClock())
        defer { try? central.close() }
        return try central.reader.read { db in
            let called = try Int.fetchOne(db, sql: "SELECT count(DISTINCT ticket_id) FROM queue_ticket_event WHERE kind = 'call'") ?? 0
            let double = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT ticket_id FROM queue_ticket_event WHERE kind = 'call'
                                      GROUP BY ticket_id HAVING count(*) > 1)
                """) ?? 0
            let tokens = try Int.fetchOne(db, sql: "SELECT count(DISTINCT token) FROM queue_change WHERE kind = 'call'") ?? 0
            let calls = try Int.fetchOne(db, sql: "SELECT count(*) FROM queue_change WHERE kind = 'call'") ?? 0
            let waiting = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM queue_ticket WHERE state IN ('waiting', 'parked', 'transferred')
                """) ?? 0
            return (called, double + (calls - tokens), waiting)
        }
    }

    private func print(report: Report) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            Swift.print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        func f(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
        Swift.print("bench claims: \(report.callers) processi, \(report.calls) biglietti, \(report.central)")
        for phase in ["prepare", "issue", "claims", "verify"] {
            Swift.print("  fase \(phase): \(f(report.phasesSeconds[phase] ?? 0, 3)) s")
        }
        Swift.print("  chiamate/s: \(f(report.callsPerSecond, 0)) (chiamata + chiusura per biglietto)")
        Swift.print("  chiamata p50 \(f(report.claimP50Ms)) ms, p99 \(f(report.claimP99Ms)) ms, "
            + "p99.9 \(f(report.claimP999Ms)) ms, max \(f(report.claimMaxMs)) ms")
        Swift.print("  chiusura p50 \(f(report.closeP50Ms)) ms, p99 \(f(report.closeP99Ms)) ms")
        Swift.print("  attesa più lunga di un chiamante: \(f(report.longestWaitMs)) ms; "
            + "intervallo più lungo tra due chiamate: \(f(report.longestGapMs)) ms")
        Swift.print("  per processo: " + report.perCaller.map { "\($0.counter)=\($0.claims)" }.joined(separator: " "))
        Swift.print("  chiamate doppie: \(report.doubleClaims); biglietti chiamati: \(report.ticketsCalled); "
            + "ancora in attesa: \(report.leftWaiting)")
    }
}
