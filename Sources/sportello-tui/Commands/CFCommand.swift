import ArgumentParser

/// `sportello-tui cf …`: codice fiscale checks, decoding, computing and omocodia.
struct CFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cf",
        abstract: "Codice fiscale: verifica, decodifica, calcolo e omocodici.",
        subcommands: [
            CFCheckCommand.self,
            CFDecodeCommand.self,
            CFEncodeCommand.self,
            CFOmocodiciCommand.self,
        ]
    )
}
