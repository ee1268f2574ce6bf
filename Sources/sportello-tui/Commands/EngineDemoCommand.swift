import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import Logging

/// `sportello-tui engine-demo`: diagnostic screen of the terminal engine (widths, form, list,
/// help, dialogs). Not an operator mode.
struct EngineDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine-demo",
        abstract: "Diagnostica: schermata di prova del motore del terminale (larghezze, campi, elenchi).",
        discussion: """
        Solo per verifiche: non è una modalità per gli operatori.
        Opzioni per i test: la variabile SPORTELLO_FIXED_CLOCK (ISO-8601) ferma l'orologio; \
        --first-frame disegna la prima schermata in memoria (senza curses) e termina.
        """
    )

    @Option(name: .long, help: "Cartella della postazione (predefinita: $SPORTELLO_HOME, poi la cartella dati XDG).")
    var home: String?

    @Option(name: .long, help: "File di tastiera personale, sovrapposto a quella predefinita (tabella [screen.engine_demo]).")
    var keymap: String?

    @Flag(name: .long, help: "Solo test: disegna la prima schermata su un terminale in memoria, stampa il tempo e termina.")
    var firstFrame = false

    @Option(name: .long, help: "Solo test con --first-frame: dimensione COLONNExRIGHE del terminale in memoria.")
    var size: String = "80x24"

    func run() async throws {
        let clock: any StationClock
        do {
            clock = try EnvironmentClock.make()
        } catch let failure as EnvironmentClock.Failure {
            throw CommandFailure.usage(failure.message)
        }
        let bindings: any KeyBindings
        do {
            bindings = try Keymap.load(userFile: keymap)
        } catch let error as KeymapError {
            for line in error.description.split(separator: "\n") { StandardError.writeLine("sportello-tui: \(line)") }
            throw ExitCode(2)
        }
        if firstFrame {
            try drawFirstFrame(clock: clock, bindings: bindings)
            return
        }
        let homeURL = Self.stationHome(home)
        if (try? FileLogHandler.bootstrap(home: homeURL)) == nil {
            // The default handler writes to stderr, which would garble the screen.
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        let logger = Logger(label: "sportello.engine-demo")
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let failure as TerminalFailure {
            throw CommandFailure.usage(failure.message)
        }
        defer { terminal.shutdown() }
        logger.info("engine-demo avviata", metadata: ["size": "\(terminal.size)"])
        let runtime = AppRuntime(
            program: EngineDemoProgram(),
            state: EngineDemoState(size: terminal.size),
            terminal: terminal,
            bindings: bindings,
            clock: clock
        )
        await runtime.run()
        logger.info("engine-demo chiusa")
    }

    /// --home, else $SPORTELLO_HOME, else the XDG data home.
    static func stationHome(_ option: String?) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let home = environment["SPORTELLO_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return URL(fileURLWithPath: data).appendingPathComponent("sportello") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/sportello")
    }

    private func drawFirstFrame(clock: any StationClock, bindings: any KeyBindings) throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
            throw CommandFailure.usage("dimensione non valida: \(size) (esempio: 80x24)")
        }
        let terminal = VirtualTerminal(columns: parts[0], rows: parts[1])
        let runtime = AppRuntime(
            program: EngineDemoProgram(),
            state: EngineDemoState(size: terminal.size),
            terminal: terminal,
            bindings: bindings,
            clock: clock
        )
        runtime.render()
        print(terminal.text, terminator: "")
    }
}
