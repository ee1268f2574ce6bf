import ArgumentParser

/// `sportello-tui services import|export FILE`: the office's queue configuration as TOML.
struct ServicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "Servizi, priorità, profili e sportelli dell'ufficio (file TOML).",
        subcommands: [ServicesExportCommand.self, ServicesImportCommand.self]
    )
}
