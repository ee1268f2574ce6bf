import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation

/// `sportello-tui bench frame`: building a frame (view of the engine demo) and diffing it
/// against the previous one, on a large terminal, for a full redraw and for a one-field change.
struct BenchFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Tempo per costruire e confrontare una schermata (completa e con un solo campo cambiato)."
    )

    @Option(help: "Colonne del terminale simulato.") var columns = 200
    @Option(help: "Righe del terminale simulato.") var rows = 60
    @Option(help: "Ripetizioni per misura.") var iterations = 2000

    func run() throws {
        guard columns >= 80, rows >= 24, iterations > 0 else {
            throw CommandFailure.usage("servono almeno 80 colonne, 24 righe e una ripetizione")
        }
        let size = TerminalSize(columns: columns, rows: rows)
        let program = EngineDemoProgram()
        let help = try Keymap.loadDefault().help(for: EngineDemoProgram.screenName)
        let clock = FixedClock(Date(timeIntervalSince1970: 1_796_031_720))
        func context(_ state: EngineDemoState) -> ViewContext {
            let enabled = program.enabledActions(in: state)
            return ViewContext(size: size, now: clock.now(), help: help, enabledHelp: help.filter { enabled.contains($0.action) })
        }
        // Two states that differ in one field's whole value (a codice fiscale replaced).
        var state = EngineDemoState(size: size)
        state.fiscalCode.editor.setText("RSSNCL80A01H501X")
        EngineDemoValidation.validate(&state)
        var typed = state
        typed.fiscalCode.editor.setText("BNCNCL75B42F205Z")
        EngineDemoValidation.validate(&typed)

        var full = BenchFrameReport.histogram()
        var fullCells = 0
        for _ in 0..<iterations {
            let start = BenchFrameReport.now()
            let frame = program.view(state, context: context(state)).buffer
            fullCells = frame.changes(from: nil).count
            _ = full.record(BenchFrameReport.now() - start)
        }

        var oneField = BenchFrameReport.histogram()
        var oneFieldCells = 0
        var previous = program.view(state, context: context(state)).buffer
        for index in 0..<iterations {
            let next = index % 2 == 0 ? typed : state
            let start = BenchFrameReport.now()
            let frame = program.view(next, context: context(next)).buffer
            oneFieldCells = max(oneFieldCells, frame.changes(from: previous).count)
            _ = oneField.record(BenchFrameReport.now() - start)
            previous = frame
        }
        let fieldWidth = 16
        print("Schermata \(size), \(iterations) ripetizioni (view della prova del motore + confronto)")
        print("completa:        \(BenchFrameReport.line(full))  celle scritte \(fullCells)")
        print("un campo:        \(BenchFrameReport.line(oneField))  celle scritte al più \(oneFieldCells) (campo di \(fieldWidth) celle)")
    }
}
