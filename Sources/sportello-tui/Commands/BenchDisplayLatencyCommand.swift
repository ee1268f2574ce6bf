import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import Histogram
import LocalStore
import Logging

/// `sportello-tui bench display-latency`: how long after a ticket is issued, or called at a
/// counter, the waiting-room display shows it, on the embedded central file. The writer is a
/// separate process (`bench display-latency-writer`, as a totem or a counter would be); the
/// display side runs as the real one does: every 200 ms it asks `PRAGMA data_version`, re-reads
/// the queue only when it changed, folds the answer and draws a frame. The latency is from the
/// writer's commit to the frame that shows it.
struct BenchDisplayLatencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display-latency",
        abstract: "Latenza dall'emissione e dalla chiamata alla comparsa sul tabellone (file centrale)."
    )

    @Option(help: "Biglietti da emettere e chiamare.") var tickets = 100
    @Option(help: "Cartella di lavoro (predefinita: una cartella temporanea).") var workDir: String?
    @Option(help: "Intervallo del controllo di PRAGMA data_version, in millisecondi.") var pollMilliseconds = 200

    func run() async throws {
        guard tickets > 0, (10...1000).contains(pollMilliseconds) else {
            throw CommandFailure.usage("servono almeno un biglietto e un intervallo tra 10 e 1000 ms")
        }
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let dir = workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("display-latency-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/central.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        // A fixed weekday morning, so that every default service is open.
        let clock = BenchDisplayMorningClock()
        _ = try CentralQueueFile.openBackend(path: path, clock: clock)
        let source = LiveQueueSource(clock: clock) {
            (try CentralQueueFile.openBackend(path: path, clock: clock), ChangeWatch(path: path))
        }
        let program = DisplayProgram(officeName: "Banco di prova", source: source, authenticator: RefusingAuthenticator(), clock: clock)
        let terminal = VirtualTerminal(columns: 80, rows: 24)
        var state = DisplayState()

        let marks = dir + "/writer.log"
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        writer.arguments = ["bench", "display-latency-writer", "--central", path, "--tickets", String(tickets), "--marks", marks]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.standardError
        try writer.run()

        var issueSeen: [Int64: UInt64] = [:]
        var callSeen: [Int64: UInt64] = [:]
        var reads = 0, polls = 0
        let pollNanoseconds = UInt64(pollMilliseconds) * 1_000_000
        while writer.isRunning || polls < 3 {
            polls += 1
            let poll = await source.poll(after: state.live.position)
            if case .changed(_, _, _, let changes, _, _) = poll {
                reads += 1
                _ = program.update(&state, .message(.polled(poll)))
                terminal.draw(program.view(state, context: ViewContext(size: terminal.size, now: clock.now(), help: [], enabledHelp: [])).buffer)
                let shown = BenchDisplayMorningClock.wallNanoseconds()
                for change in changes {
                    if change.kind == "issue" { issueSeen[change.ticket.id] = shown }
                    if change.kind == "call" { callSeen[change.ticket.id] = shown }
                }
            } else if case .failed(_, let reason) = poll {
                StandardError.writeLine("sportello-tui: lettura non riuscita: \(reason)")
            }
            try await Task.sleep(nanoseconds: pollNanoseconds)
            if !writer.isRunning && polls > 3 { break }
        }
        writer.waitUntilExit()
        guard writer.terminationStatus == 0 else { throw CommandFailure.rejected("il processo di scrittura è terminato con errore") }
        // One more look: whatever the writer committed last.
        let last = await source.poll(after: state.live.position, force: true)
        if case .changed(_, _, _, let changes, _, _) = last {
            let shown = BenchDisplayMorningClock.wallNanoseconds()
            for change in changes {
                if change.kind == "issue" { issueSeen[change.ticket.id] = issueSeen[change.ticket.id] ?? shown }
                if change.kind == "call" { callSeen[change.ticket.id] = callSeen[change.ticket.id] ?? shown }
            }
        }

        var issueLatency = BenchFrameReport.histogram(), callLatency = BenchFrameReport.histogram()
        var missing = 0, early = 0
        let text = (try? String(contentsOfFile: marks, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let id = Int64(fields[1]), let committed = UInt64(fields[2]) else { continue }
            guard let seen = fields[0] == "issue" ? issueSeen[id] : callSeen[id] else { missing += 1; continue }
            // Shown before the writer even had its answer back: no delay to speak of.
            if seen < committed { early += 1 }
            let latency = seen >= committed ? seen - committed : 0
            if fields[0] == "issue" { issueLatency.record(latency) } else { callLatency.record(latency) }
        }
        print("tabellone sul file centrale, controllo ogni \(pollMilliseconds) ms, scrittore in un altro processo")
        print("emissione → tabellone (\(issueLatency.totalCount)): \(BenchFrameReport.line(issueLatency))")
        print("chiamata → tabellone (\(callLatency.totalCount)): \(BenchFrameReport.line(callLatency))")
        print("controlli: \(polls), riletture della coda: \(reads), eventi non visti: \(missing), mostrati prima della risposta allo scrittore: \(early)")
        if workDir == nil { try? FileManager.default.removeItem(atPath: dir) }
    }
}
