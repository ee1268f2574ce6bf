import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore
import Logging

/// `sportello-tui [cruscotto]`: the counter operator's screen, the default mode. Login, the
/// cruscotto, lock after the configured idle minutes, logout, exit with confirmation.
struct CruscottoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cruscotto",
        abstract: "Il cruscotto dello sportello (modalità predefinita): accesso, pannelli, blocco, uscita.",
        discussion: """
        Serve una stazione inizializzata ('sportello-tui init', oppure 'sportello-tui demo' per una \
        stazione di prova) e un terminale UTF-8 di almeno 80×24. Tasti: KEYS.md.
        Solo per i test: la variabile SPORTELLO_FIXED_CLOCK (ISO-8601) ferma l'orologio.
        """
    )

    @OptionGroup var homeOptions: HomeOptions

    @Option(name: .long, help: ArgumentHelp("File di tastiera personale, sovrapposto a quella predefinita.", valueName: "FILE"))
    var keymap: String?

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
        let home = try homeOptions.resolve()
        guard home.isInitialized else {
            throw CommandFailure.usage("nessuna stazione in \(home.path): crearla con 'sportello-tui init' (o 'sportello-tui demo' per una stazione di prova)")
        }
        // A configuration with errors stops here, before anything is written in the home.
        _ = try await HomeOptions.run { try StationConfig.load(from: home) }
        // Held for the whole session: restore and init --force wait for it.
        let lock = try await HomeOptions.run { try StationLock.acquire(home) }
        defer { lock.release() }
        let station = try await HomeOptions.run { try Station.open(home: home, clock: clock) }
        defer { station.close() }
        // The terminal first: on a terminal that cannot be used nothing is written.
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let failure as TerminalFailure {
            throw CommandFailure.usage(failure.message)
        }
        defer { terminal.shutdown() }
        if (try? FileLogHandler.bootstrap(home: URL(fileURLWithPath: home.path))) == nil {
            // swift-log's default handler writes to stderr, which would garble the screen.
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        let logger = Logger(label: "sportello.cruscotto")
        // Offline, the cache from the last refresh is used.
        if let problem = Result(catching: { try station.refreshOperatorCache() }).failureText {
            logger.warning("cache degli operatori non aggiornata", metadata: ["motivo": "\(problem)"])
        }
        let service = StationSessionService(station: station)
        let central = await service.checkCentral()
        logger.info("cruscotto avviato", metadata: ["station": "\(station.config.stationID)", "size": "\(terminal.size)"])
        let runtime = AppRuntime(
            program: CruscottoProgram(service: service, clock: clock, contacts: StoreContactDirectory(store: station.store)),
            state: CruscottoAppState(station: service.summary, central: central, now: clock.now(), size: terminal.size),
            terminal: terminal,
            bindings: bindings,
            clock: clock
        )
        await runtime.run()
        logger.info("cruscotto chiuso")
    }
}

extension Result where Failure == any Error {
    /// The error's description, nil on success.
    fileprivate var failureText: String? {
        if case .failure(let error) = self { return String(describing: error) }
        return nil
    }
}
