import ArgumentParser

/// `sportello-tui contacts …`: the contact registry from the command line.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Anagrafica dei contatti: importazione, esportazione, ricerca, scheda, unioni.",
        subcommands: [
            ContactsImportCommand.self,
            ContactsExportCommand.self,
            ContactsSearchCommand.self,
            ContactsShowCommand.self,
            ContactsMergesCommand.self,
        ]
    )
}
