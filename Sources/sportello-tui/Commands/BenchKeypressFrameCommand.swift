import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation

/// `sportello-tui bench keypress`: from a key event to the updated screen (keymap lookup,
/// update, view, diff, cells written to an in-memory terminal).
struct BenchKeypressFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keypress",
        abstract: "Tempo da un tasto alla schermata aggiornata (terminale in memoria)."
    )

    @Option(help: "Colonne del terminale simulato.") var columns = 80
    @Option(help: "Righe del terminale simulato.") var rows = 24
    @Option(help: "Tasti da misurare.") var iterations = 2000

    func run() throws {
        guard columns >= 80, rows >= 24, iterations > 0 else {
            throw CommandFailure.usage("servono almeno 80 colonne, 24 righe e un tasto")
        }
        let terminal = VirtualTerminal(columns: columns, rows: rows)
        let runtime = AppRuntime(
            program: EngineDemoProgram(),
            state: EngineDemoState(size: terminal.size),
            terminal: terminal,
            bindings: try Keymap.loadDefault(),
            clock: FixedClock(Date(timeIntervalSince1970: 1_796_031_720)),
            tickInterval: nil
        )
        runtime.render()
        runtime.handle(TerminalEvent.key(.tab))
        // Typing and erasing in a field, then moving in the list: the keys of a real shift.
        let keys: [Key] = [.character("a"), .backspace, .tab, .tab, .down, .up, .backTab, .backTab]
        var typing = BenchFrameReport.histogram()
        var cells = 0
        for index in 0..<iterations {
            let key = keys[index % keys.count]
            let start = BenchFrameReport.now()
            runtime.handle(TerminalEvent.key(key))
            _ = typing.record(BenchFrameReport.now() - start)
            cells += terminal.cellsWrittenLastFrame
        }
        print("Tasto → schermata \(terminal.size), \(iterations) tasti (modifica campo, Tab, frecce)")
        print("tempo:           \(BenchFrameReport.line(typing))  celle scritte in media \(cells / iterations)")
    }
}
