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
        do {
            try await station.refreshCentralCache()
        } catch {
            logger.warning("cache degli operatori non aggiornata", metadata: ["motivo": "\(error)"])
        }
        let service = StationSessionService(station: station)
        let central = await service.checkCentral()
        logger.info("cruscotto avviato", metadata: ["station": "\(station.config.stationID)", "size": "\(terminal.size)"])
        let queue = Self.queueBackend(station)
        let wakeups = Self.queueWakeups(station)
        let offline = queue == nil ? nil : OfflineTicketDesk(store: station.store, station: station.config.stationID)
        if let queue, let offline, case .online = central {
            // Today's blocks at start, not only at the first read of the queue panel; skipped
            // when the central side just failed to answer, so the start does not wait twice.
            do { try await offline.topUp(from: queue) } catch {
                logger.warning("numeri di riserva non prenotati all'avvio", metadata: ["motivo": "\(error)"])
            }
        }
        var program = CruscottoProgram(service: service, clock: clock, contacts: StoreContactDirectory(store: station.store),
                                       queue: queue, queueChanged: Self.queueChangeSignal(station, queue: queue, wakeups: wakeups),
                                       offline: offline)
        program.queueWakeups = wakeups
        let runtime = AppRuntime(
            program: program,
            state: CruscottoAppState(station: service.summary, central: central, now: clock.now(), size: terminal.size),
            terminal: terminal,
            bindings: bindings,
            clock: clock
        )
        await runtime.run()
        await wakeups?.stop()
        logger.info("cruscotto chiuso")
    }
}

extension CruscottoCommand {
    /// A counter station works the office queue on the central database: on PostgreSQL
    /// through the station's link (opened on first use, so a server down at start is picked up
    /// later); on the embedded file when it could be opened. Other stations have none (the
    /// panel says so).
    static func queueBackend(_ station: Station) -> (any QueueBackend)? {
        guard station.config.counter != nil else { return nil }
        if let postgres = station.postgres { return PostgresStationQueue(link: postgres, clock: station.clock) }
        guard let central = station.central else { return nil }
        return try? SQLiteQueueBackend(central: central)
    }

    /// The station's wake-ups (one per process, stopped on exit): on PostgreSQL one LISTEN
    /// connection, for every station (a reconnect triggers a sync at once); on the embedded
    /// file a `PRAGMA data_version` watch every 25 ms, for a counter (its queue panel).
    static func queueWakeups(_ station: Station) -> QueueWakeups? {
        if let postgres = station.postgres { return QueueWakeups.postgres(postgres.url) }
        guard station.config.counter != nil, station.central != nil,
              let path = try? station.config.centralSQLitePath() else { return nil }
        return QueueWakeups.file(path)
    }

    /// When the clock's tick re-reads the queue: with wake-ups, never (they do; the tick only
    /// keeps the 30 s refresh of the minutes of waiting). Otherwise, on the embedded file a
    /// `PRAGMA data_version` watch; on PostgreSQL the central change mark, asked at most every
    /// 250 ms. A poll that fails asks for a read, whose own failure then shows in the panel.
    static func queueChangeSignal(_ station: Station, queue: (any QueueBackend)?,
                                  wakeups: QueueWakeups? = nil) -> (@Sendable () async -> Bool)? {
        if wakeups != nil { return { false } }
        if let queue = queue as? PostgresStationQueue {
            let signal = PollingQueueChangeSignal { try await queue.changeMark() }
            return { (try? await signal.hasChanged()) ?? true }
        }
        guard station.config.counter != nil, station.central != nil,
              let path = try? station.config.centralSQLitePath() else { return nil }
        let watch = ChangeWatch(path: path)
        return { (try? watch.poll()) ?? true }
    }
}
