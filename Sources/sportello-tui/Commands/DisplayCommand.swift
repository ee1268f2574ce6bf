import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui display`: the waiting-room board (full screen, unattended).
struct DisplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "Tabellone della sala d'attesa: ultima chiamata, chiamate recenti, attese per servizio.",
        discussion: """
        Segue il database centrale e rilegge la coda appena cambia (sul file condiviso controlla \
        PRAGMA data_version ogni 25 ms, su PostgreSQL attende le notifiche LISTEN/NOTIFY) \
        e, se perde il collegamento, lo dice a schermo invece di mostrare chiamate vecchie. \
        Per uscire serve la password di un operatore (F3). \
        Solo per i test: SPORTELLO_FIXED_CLOCK (ISO-8601) ferma l'orologio.
        """
    )

    @OptionGroup var homeOptions: HomeOptions

    @Option(help: ArgumentHelp("File di tastiera personale (tabella [screen.display]).", valueName: "FILE"))
    var keymap: String?

    func run() async throws {
        let setup = try await TotemKioskSupport.prepare(homeOptions: homeOptions, keymap: keymap)
        let program = DisplayProgram(officeName: setup.station.config.officeName, source: setup.source,
                                     authenticator: setup.station, clock: setup.clock, wakeups: setup.wakeups)
        try await TotemKioskSupport.run(program, state: DisplayState(), setup: setup, logLabel: "sportello.display")
    }
}
