import ArgumentParser
import CounterTUI
import Foundation
import Logging

/// `sportello-tui bench display-soak`: the waiting-room display through a whole day of calls
/// on an injected clock (a tick every 200 ms, a look at the queue at each, a frame after
/// each message), with resident memory at the start and at the end.
struct BenchDisplaySoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display-soak",
        abstract: "Il tabellone per una giornata di chiamate simulate: memoria all'inizio e alla fine."
    )

    @Option(help: "Chiamate da simulare (predefinito: 10 ore, una chiamata ogni 10 secondi).") var calls = 3600
    @Option(help: "Secondi simulati tra due chiamate.") var secondsPerCall: Double = 10
    @Option(help: "Tick tra due chiamate (predefinito: uno ogni 200 ms simulati).") var ticksPerCall: Int?
    @Option(help: "Chiamate prima della prima misura della memoria.") var warmUp = 200
    @Option(help: "Colonne del terminale simulato.") var columns = 80
    @Option(help: "Righe del terminale simulato.") var rows = 24
    @Flag(help: "Risultato in JSON.") var json = false

    func run() async throws {
        guard calls > warmUp, warmUp >= 0, secondsPerCall > 0, columns >= 80, rows >= 24, (ticksPerCall ?? 1) > 0 else {
            throw CommandFailure.usage("servono più chiamate che di riscaldamento, secondi positivi e almeno 80×24")
        }
        // Numbers only on stdout; the display's own log lines are not wanted here.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let started = Date()
        let report = await DisplaySoak.run(calls: calls, secondsPerCall: secondsPerCall, ticksPerCall: ticksPerCall,
                                           warmUp: warmUp, size: TerminalSize(columns: columns, rows: rows))
        let elapsed = Date().timeIntervalSince(started)
        let start = report.residentStart ?? 0, end = report.residentEnd ?? 0
        if json {
            let fields: [String: Any] = [
                "calls": report.calls, "ticks": report.ticks, "bells": report.bells, "frames": report.frames,
                "cells_written": report.cellsWritten, "resident_start_bytes": start, "resident_end_bytes": end,
                "resident_growth_bytes": end - start, "last_called": report.lastCalled,
                "last_called_shown": report.lastCalledShown ?? "", "held_calls": report.heldCalls,
                "held_samples": report.heldSamples, "simulated_hours": report.simulatedSeconds / 3600,
                "elapsed_seconds": elapsed,
            ]
            let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("tabellone: \(report.calls) chiamate in \(String(format: "%.1f", report.simulatedSeconds / 3600)) ore simulate, \(report.ticks) tick, \(report.frames) schermate, \(report.bells) avvisi sonori")
        print("memoria residente: \(start / 1024) KiB dopo \(warmUp) chiamate, \(end / 1024) KiB alla fine (\((end - start) / 1024) KiB di differenza)")
        print("ultima chiamata: \(report.lastCalled), mostrata: \(report.lastCalledShown ?? "-"); chiamate tenute: \(report.heldCalls), tempi di servizio tenuti: \(report.heldSamples)")
        print("tempo reale: \(String(format: "%.1f", elapsed)) s")
    }
}
