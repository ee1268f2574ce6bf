import CounterTUI
import CruscottoModel
import Foundation
import Logging

/// Runs the report screen on the real terminal (`queue report --screen`).
enum ReportScreenRunner {
    static func run(load: @escaping @Sendable () async throws -> QueueReport, keymap: String?, home: String?) async throws {
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
            throw CommandFailure.usage("tastiera non valida")
        }
        if (try? FileLogHandler.bootstrap(home: EngineDemoCommand.stationHome(home))) == nil {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let failure as TerminalFailure {
            throw CommandFailure.usage(failure.message)
        }
        defer { terminal.shutdown() }
        let runtime = AppRuntime(program: ReportProgram(load: load), state: ReportState(size: terminal.size),
                                 terminal: terminal, bindings: bindings, clock: clock)
        runtime.send(.action("app.refresh"))
        await runtime.run()
    }
}
