import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore
import Logging

/// `bench call-visibility`: how long after a counter asks for the next ticket a waiting-room
/// display sees the call, through the product's path (`QueueWakeups` + `LiveQueueSource` +
/// `DisplayProgram`): on the embedded central file (the board's `PRAGMA data_version` watch)
/// and, with `--url`, on PostgreSQL (LISTEN/NOTIFY on the board's dedicated connection). Both
/// ends are tasks of this process with their own connections, so one clock measures both.
struct BenchCallVisibilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call-visibility",
        abstract: "Latenza tra una chiamata a uno sportello e la sua comparsa sul tabellone di un'altra postazione.")

    @Option(name: .long, help: ArgumentHelp(
        "Server PostgreSQL (postgresql://…, utente che può creare database): la prova usa un database nuovo, eliminato alla fine.",
        valueName: "URL"))
    var url: String?

    @Option(name: .long, help: "Chiamate per backend.")
    var calls = 500

    @Option(name: .long, help: "Pausa tra una chiamata e la successiva, in millisecondi.")
    var paceMilliseconds = 20

    @Option(name: .long, help: "Intervallo del controllo di PRAGMA data_version sul file centrale, in millisecondi (quello del prodotto: 25).")
    var pollMilliseconds = 25

    @Flag(name: .long, help: "Solo PostgreSQL (salta il file centrale incorporato).")
    var skipFile = false

    @Flag(name: .long, help: "Stampa il risultato in JSON.")
    var json = false

    struct Report: Encodable {
        var results: [BenchCallVisibility.Result]
        var goalP50Ms = 50.0
        var goalP99Ms = 250.0
    }

    func validate() throws {
        guard (1...100_000).contains(calls) else { throw CommandFailure.usage("--calls tra 1 e 100000") }
        guard (0...10_000).contains(paceMilliseconds) else { throw CommandFailure.usage("--pace-milliseconds tra 0 e 10000") }
        guard (1...1_000).contains(pollMilliseconds) else { throw CommandFailure.usage("--poll-milliseconds tra 1 e 1000") }
        if skipFile, url == nil { throw CommandFailure.usage("--skip-file richiede --url") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        var results: [BenchCallVisibility.Result] = []
        if !skipFile { results.append(try await runFile()) }
        if let url { results.append(try await runPostgres(url)) }
        let report = Report(results: results)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            func f(_ value: Double) -> String { String(format: "%.2f", value) }
            print("bench call-visibility: \(calls) chiamate per backend, una ogni \(paceMilliseconds) ms "
                + "(obiettivo p50 < 50 ms, p99 < 250 ms)")
            for result in results {
                print("  \(result.backend) (\(result.signal)): chiamata → vista p50 \(f(result.p50Ms)) ms, "
                    + "p90 \(f(result.p90Ms)) ms, p99 \(f(result.p99Ms)) ms, max \(f(result.maxMs)) ms")
                print("    dal commit: p50 \(f(result.afterCommitP50Ms)) ms, p99 \(f(result.afterCommitP99Ms)) ms; "
                    + "chiamata p50 \(f(result.claimP50Ms)) ms; viste \(result.seen)/\(result.calls), "
                    + "risvegli \(result.wakeups), riletture \(result.reads), letture fallite \(result.failedReads)")
                if let micros = result.watchPollUs, let share = result.watchCoreShare {
                    print("    una domanda a data_version: \(f(micros)) µs, ogni 25 ms = \(String(format: "%.3f", share * 100))% di un core")
                }
            }
        }
        if let missing = results.first(where: { $0.seen < $0.calls }) {
            throw CommandFailure.rejected("\(missing.backend): \(missing.calls - missing.seen) chiamate mai viste dall'altra postazione")
        }
    }

    private func runFile() async throws -> BenchCallVisibility.Result {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("call-visibility-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let path = work.appendingPathComponent("central.sqlite").path
        let clock = SystemClock()
        let caller = try CentralQueueFile.openBackend(path: path, clock: clock)
        try await queueOperation { try await caller.replaceConfiguration(BenchClaimsPostgres.configuration(counters: 2)) }
        // The board as `TotemKioskSupport` builds it on the embedded file.
        let source = LiveQueueSource(clock: clock) {
            (try CentralQueueFile.openBackend(path: path, clock: clock), ChangeWatch(path: path))
        }
        let wakeups = QueueWakeups(signal: IntervalWatch(watch: ChangeWatch(path: path), every: .milliseconds(pollMilliseconds)))
        let bench = BenchCallVisibility(caller: caller, display: Self.display(source, wakeups, clock),
                                        calls: calls, pace: .milliseconds(paceMilliseconds))
        var result = try await queueOperation {
            try await bench.run(backend: "sqlite", signal: "PRAGMA data_version ogni \(pollMilliseconds) ms")
        }
        // What the watch costs: questions back to back on a file that does not change.
        let probe = ChangeWatch(path: path)
        _ = try probe.poll()
        let questions = 5_000
        let started = ContinuousClock.now
        for _ in 0..<questions { _ = try probe.poll() }
        let each = (ContinuousClock.now - started) / questions
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        }
        result.watchPollUs = milliseconds(each) * 1_000
        result.watchCoreShare = milliseconds(each) / milliseconds(QueueWakeups.watchInterval)
        return result
    }

    private func runPostgres(_ text: String) async throws -> BenchCallVisibility.Result {
        let url: PostgresCentralURL
        do { url = try PostgresCentralURL(parsing: text) } catch { throw CommandFailure.usage(error.description) }
        let name = "sportello_bench_visibility_\(getpid())"
        let target = url.with(database: name)
        do {
            try await PostgresCentralAdmin.execute(url, sql: "DROP DATABASE IF EXISTS \"\(name)\"")
            try await PostgresCentralAdmin.execute(url, sql: "CREATE DATABASE \"\(name)\"")
        } catch { throw error.commandFailure }
        do {
            let result = try await measurePostgres(target)
            try? await PostgresCentralAdmin.execute(url, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            return result
        } catch {
            try? await PostgresCentralAdmin.execute(url, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            if let error = error as? PostgresCentralError { throw error.commandFailure }
            throw error
        }
    }

    private func measurePostgres(_ target: PostgresCentralURL) async throws -> BenchCallVisibility.Result {
        _ = try await CentralMigrator.migrate(target)
        let clock = SystemClock()
        let callerCentral = try await PostgresCentral.connect(target, maximumConnections: 1)
        defer { callerCentral.shutdown() }
        _ = try await queueOperation {
            try await PostgresQueueBackend.replaceConfiguration(BenchClaimsPostgres.configuration(counters: 2), in: callerCentral)
        }
        let caller = try await queueOperation { try await PostgresQueueBackend.open(central: callerCentral, clock: clock) }
        // The board as `TotemKioskSupport` builds it on PostgreSQL: the station's link and queue,
        // one LISTEN connection whose wake-ups are also the source's signal.
        let link = PostgresCentralLink(url: target)
        let queue = PostgresStationQueue(link: link, clock: clock)
        let wakeups = QueueWakeups.postgres(target)
        let signal = wakeups.signal
        let source = LiveQueueSource(clock: clock) { (queue, signal) }
        let bench = BenchCallVisibility(caller: caller, display: Self.display(source, wakeups, clock),
                                        calls: calls, pace: .milliseconds(paceMilliseconds))
        let result: BenchCallVisibility.Result
        do {
            result = try await queueOperation {
                try await bench.run(backend: "postgresql", signal: "LISTEN/NOTIFY, ripiego ogni 2 s")
            }
        } catch {
            await wakeups.stop()
            await link.shutdown()
            throw error
        }
        await wakeups.stop()
        await link.shutdown()
        return result
    }

    private static func display(_ source: LiveQueueSource, _ wakeups: QueueWakeups, _ clock: any StationClock) -> DisplayProgram {
        DisplayProgram(officeName: "Prova", source: source, authenticator: RefusingAuthenticator(), clock: clock, wakeups: wakeups)
    }
}

/// The board's `data_version` watch asked at another interval than the product's (to compare).
private struct IntervalWatch: QueueChangeSignal {
    let watch: ChangeWatch
    let every: Duration

    func hasChanged() async throws -> Bool { try watch.poll() }

    func waitForChange(upTo timeout: Duration) async -> Bool {
        await pollForChange(upTo: timeout, every: every)
    }
}
