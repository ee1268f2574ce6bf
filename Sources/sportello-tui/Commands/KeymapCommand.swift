import ArgumentParser

/// `sportello-tui keymap …`: validate keymap files and generate KEYS.md.
struct KeymapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keymap",
        abstract: "Tastiere: verifica dei file e documentazione dei tasti.",
        subcommands: [
            KeymapCheckCommand.self,
            KeymapDocCommand.self,
        ]
    )
}
