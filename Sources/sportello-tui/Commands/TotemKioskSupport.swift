import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore
import Logging

/// What the totem and the display share: the station, the clock, the keymap, the log, the
/// central queue and its wake-ups (`QueueWakeups`, one per process, stopped on exit: on the
/// embedded file a `PRAGMA data_version` watch every 25 ms, on PostgreSQL LISTEN/NOTIFY on a
/// dedicated connection), and the curses loop with a tick every 200 ms for the clock.
enum TotemKioskSupport {
    struct Setup {
        let station: Station
        let clock: any StationClock
        let bindings: any KeyBindings
        let source: LiveQueueSource
        /// What the screen waits for before re-reading the queue.
        let wakeups: QueueWakeups
        /// The central database as the log shows it (never a password).
        let centralName: String
    }

    static func prepare(homeOptions: HomeOptions, keymap: String?) async throws -> Setup {
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
        let home = try homeOptions.resolve()
        let station = try await HomeOptions.run { try Station.open(home: home, clock: clock) }
        if let problem = station.centralError { throw HomeOptions.failure(for: problem) }
        // Operators added since the last start can leave the screen; offline, the cache as it is.
        _ = try? await station.refreshCentralCache()
        let source: LiveQueueSource
        let wakeups: QueueWakeups
        let name: String
        switch station.config.central {
        case .sqlite(let path):
            name = path
            source = LiveQueueSource(clock: clock) {
                // Opened again after any failure: the file may be back after a reboot or a restore.
                (try CentralQueueFile.openBackend(path: path, clock: clock), ChangeWatch(path: path))
            }
            wakeups = QueueWakeups.file(path)
        case .postgresql:
            guard let link = station.postgres else { throw CommandFailure.usage("database centrale non configurato") }
            name = link.url.display
            // The queue and the LISTEN connection reconnect on their own after a failure.
            let queue = PostgresStationQueue(link: link, clock: clock)
            wakeups = QueueWakeups.postgres(link.url)
            let signal = wakeups.signal
            source = LiveQueueSource(clock: clock) { (queue, signal) }
        }
        if (try? FileLogHandler.bootstrap(home: URL(fileURLWithPath: home.path))) == nil {
            // The default handler writes to stderr, which would garble the screen.
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        return Setup(station: station, clock: clock, bindings: bindings, source: source, wakeups: wakeups, centralName: name)
    }

    static func run<P: AppProgram>(_ program: P, state: P.State, setup: Setup, logLabel: String) async throws {
        let logger = Logger(label: logLabel)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let failure as TerminalFailure {
            await setup.wakeups.stop()
            throw CommandFailure.usage(failure.message)
        }
        defer {
            terminal.shutdown()
            setup.station.close()
        }
        logger.info("avviato", metadata: ["centrale": "\(setup.centralName)", "size": "\(terminal.size)"])
        let runtime = AppRuntime(program: program, state: state, terminal: terminal, bindings: setup.bindings,
                                 clock: setup.clock, tickInterval: 0.2)
        await runtime.run()
        await setup.wakeups.stop()
        logger.info("chiuso")
    }
}
