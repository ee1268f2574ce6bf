import ArgumentParser

/// `sportello-tui queue …`: the office queue on the central database, for scripts and
/// administrators (the screens use the same protocol).
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Coda dell'ufficio: emissione, chiamata, stato, chiusura dei biglietti, giornata, rapporto.",
        subcommands: [
            QueueIssueCommand.self,
            QueueCallCommand.self,
            QueueStatusCommand.self,
            QueueTicketCommand.self,
            QueueCloseCommand.self,
            QueueDayCommand.self,
            QueueReportCommand.self,
        ]
    )
}
