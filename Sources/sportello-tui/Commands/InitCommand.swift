import ArgumentParser
import CruscottoModel
import LocalStore

/// `sportello-tui init`: creates a station in its home.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Inizializza una stazione: configurazione, archivio locale, database centrale.",
        discussion: """
        Senza --central crea (o riusa) HOME/central.sqlite. Con --central sqlite:///PERCORSO la \
        stazione si unisce a un database centrale esistente, condiviso da più stazioni sullo stesso \
        computer. Con --central postgresql://RUOLO@HOST:PORTA/DB (password da password_file=FILE \
        leggibile solo dal proprietario, da password_env=NOME o da SPORTELLO_CENTRAL_PASSWORD; \
        sslmode=, sslrootcert=) si collega al database centrale PostgreSQL preparato con \
        'sportello-tui central init' e ne copia ufficio e operatori. \
        Rifiuta di sovrascrivere una stazione esistente senza --force.
        """)

    @OptionGroup var homeOptions: HomeOptions

    @Option(help: ArgumentHelp("Database centrale: sqlite:///PERCORSO o postgresql://RUOLO@HOST:PORTA/DB?password_file=FILE.", valueName: "URL"))
    var central: String?

    @Option(help: ArgumentHelp("Nome dell'ufficio (per un nuovo database centrale).", valueName: "NOME"))
    var office: String?

    @Option(help: ArgumentHelp("Identificativo della stazione (predefinito: sportello-N o il tipo).", valueName: "ID"))
    var station: String?

    @Option(help: ArgumentHelp("Tipo di stazione: \(StationKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "TIPO"))
    var kind: String = StationKind.counter.rawValue

    @Option(help: ArgumentHelp("Numero dello sportello (stazioni counter e cie; predefinito 1).", valueName: "N"))
    var counter: Int?

    @Option(name: .customLong("idle-lock"), help: ArgumentHelp("Minuti di inattività prima del blocco dello schermo.", valueName: "MINUTI"))
    var idleLockMinutes: Int = StationConfig.defaultIdleLockMinutes

    @Flag(help: "Ricrea la stazione anche se esiste già (il database centrale non viene cancellato).")
    var force = false

    func run() async throws {
        let home = try homeOptions.resolve()
        guard let kind = StationKind(rawValue: kind) else {
            throw CommandFailure.usage("tipo di stazione '\(self.kind)' sconosciuto (ammessi: \(StationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if counter != nil && !kind.needsCounter {
            throw CommandFailure.usage("--counter vale solo per le stazioni 'counter' e 'cie'")
        }
        var location: CentralLocation?
        if let central {
            switch CentralLocation.parse(central) {
            case .success(let parsed): location = parsed
            case .failure(let error): throw CommandFailure.usage(error.message)
            }
        }
        let setup = StationSetup(officeName: office, stationID: station, kind: kind, counter: counter,
                                 central: location, force: force, idleLockMinutes: idleLockMinutes)
        let outcome = try await HomeOptions.run { try await setup.runConnected(in: home) }
        let config = outcome.config
        var summary = "stazione \(config.stationID) (\(config.kind.label)"
        if let counter = config.counter { summary += ", sportello \(counter)" }
        summary += ") inizializzata in \(home.path)"
        print(summary)
        print("ufficio: \(config.officeName)")
        print("database centrale: \(PostgresCentralURL.redacted(config.central.urlString))\(outcome.createdCentral ? " (nuovo)" : " (esistente)")")
        print("operatori in cache: \(outcome.cachedOperators)")
        if outcome.cachedOperators == 0 {
            print("nessun operatore: aggiungerne uno con 'sportello-tui operator add NOME --name \"…\" --role administrator'")
        }
    }
}
