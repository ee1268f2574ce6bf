import ArgumentParser
import LocalStore

/// `sportello-tui restore --from FILE`.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Ripristina l'archivio locale da una copia fatta con 'backup'.",
        discussion: """
        Rifiuta file che non sono copie di questa stazione o con schema più recente del programma, \
        e rifiuta di procedere mentre una sessione interattiva usa la stazione. L'archivio attuale \
        resta in store.sqlite.before-restore. Con --include-central ripristina anche il database \
        centrale dalla copia FILE.central (solo se è nella cartella della stazione).
        """)

    @OptionGroup var homeOptions: HomeOptions

    @Option(help: ArgumentHelp("Copia da ripristinare.", valueName: "FILE"))
    var from: String

    @Flag(name: .customLong("include-central"), help: "Ripristina anche il database centrale da FILE.central.")
    var includeCentral = false

    func run() async throws {
        let home = try homeOptions.resolve()
        try await HomeOptions.run {
            try StationBackup.restore(home: home, from: from, includeCentral: includeCentral)
        }
        print("archivio ripristinato da \(from)\(includeCentral ? " (con il database centrale)" : "")")
    }
}
