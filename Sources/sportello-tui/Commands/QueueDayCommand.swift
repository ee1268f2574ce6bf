import ArgumentParser

/// `queue day open|close`: the office day. Opening starts the bookkeeping of which operator is
/// at which counter, pauses and idle time; closing closes the tickets still waiting.
struct QueueDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "Apertura e chiusura della giornata dell'ufficio.",
        subcommands: [QueueDayOpenCommand.self, QueueDayCloseCommand.self]
    )
}
