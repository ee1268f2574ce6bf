import ArgumentParser

/// `sportello-tui operator …`: operators of the office, kept in the central database.
struct OperatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Gestione degli operatori (nel database centrale; la stazione ne tiene una copia per l'accesso offline).",
        subcommands: [
            OperatorAddCommand.self,
            OperatorListCommand.self,
            OperatorDisableCommand.self,
            OperatorEnableCommand.self,
            OperatorPasswdCommand.self,
        ]
    )
}
