import ArgumentParser

/// `central`: administration of the PostgreSQL central database (owner's URL).
struct CentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central",
        abstract: "Amministrazione del database centrale (PostgreSQL; prune anche sul file incorporato).",
        subcommands: [CentralMigrateCommand.self, CentralInitCommand.self, CentralStatusCommand.self, CentralPruneCommand.self]
    )
}
