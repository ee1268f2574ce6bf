import ArgumentParser

/// `sportello-tui sync …`: the exchange with the central database (docs/SYNC.md).
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sincronizzazione con il database centrale: invio degli eventi, ricezione del registro, conflitti e messaggi in sospeso.",
        subcommands: [
            SyncStatusCommand.self,
            SyncOnceCommand.self,
            SyncConflictsCommand.self,
            SyncDeadLettersCommand.self,
            SyncSkipCommand.self,
            SyncRetryCommand.self,
        ]
    )
}
