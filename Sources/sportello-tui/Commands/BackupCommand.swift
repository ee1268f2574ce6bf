import ArgumentParser
import LocalStore

/// `sportello-tui backup --to FILE`: a consistent copy while the station runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copia coerente dell'archivio locale (e del database centrale se è nella cartella della stazione).",
        discussion: """
        L'archivio locale va in FILE; il database centrale, quando è nella cartella della stazione, \
        va in FILE.central. Le copie si possono fare mentre le stazioni lavorano. File creati con \
        permessi 0600; un file già esistente non viene sovrascritto.
        """)

    @OptionGroup var homeOptions: HomeOptions

    @Option(help: ArgumentHelp("File di destinazione.", valueName: "FILE"))
    var to: String

    func run() async throws {
        let home = try homeOptions.resolve()
        let written = try await HomeOptions.run { try StationBackup.backup(home: home, to: to) }
        for path in written { print("copia scritta: \(path)") }
    }
}
