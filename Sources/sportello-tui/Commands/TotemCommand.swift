import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui totem`: the ticket dispenser at the entrance (full screen, unattended).
struct TotemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totem",
        abstract: "Totem eliminacode: il cittadino sceglie il servizio e riceve il biglietto.",
        discussion: """
        Un tasto per servizio (1-9) con l'attesa del momento, P per la precedenza. Il biglietto \
        è mostrato a grandi cifre e stampato con la stampante di sportello.toml \
        (printer = "command:…" o "device:/…"). Per uscire serve la password di un operatore (F3). \
        Solo per i test: SPORTELLO_FIXED_CLOCK (ISO-8601) ferma l'orologio.
        """
    )

    @OptionGroup var homeOptions: HomeOptions

    @Option(help: ArgumentHelp("File di tastiera personale (tabella [screen.totem]).", valueName: "FILE"))
    var keymap: String?

    @Option(name: .customLong("appointment-only"),
            help: ArgumentHelp("Servizio solo su appuntamento (codice, ripetibile): il totem non emette biglietti.", valueName: "CODICE"))
    var appointmentOnly: [String] = []

    @Option(name: .customLong("ticket-seconds"), help: ArgumentHelp("Secondi in cui il biglietto resta a schermo (3-60).", valueName: "SECONDI"))
    var ticketSeconds = 8

    func validate() throws {
        guard (3...60).contains(ticketSeconds) else { throw ValidationError("--ticket-seconds deve essere tra 3 e 60") }
    }

    func run() async throws {
        let setup = try await TotemKioskSupport.prepare(homeOptions: homeOptions, keymap: keymap)
        let printer = setup.station.config.printer.map { TicketPrinter(target: $0) }
        let program = TotemProgram(
            settings: TotemSettings(officeName: setup.station.config.officeName, appointmentOnly: Set(appointmentOnly),
                                    ticketSeconds: TimeInterval(ticketSeconds), hasPrinter: printer != nil),
            source: setup.source, printer: printer, authenticator: setup.station, clock: setup.clock,
            wakeups: setup.wakeups)
        try await TotemKioskSupport.run(program, state: TotemState(), setup: setup, logLabel: "sportello.totem")
    }
}
