import ArgumentParser
import LocalStore

/// `sportello-tui operator enable USERNAME`: a disabled operator may log in again.
struct OperatorEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Riabilita un operatore disabilitato.")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: ArgumentHelp("Nome utente.", valueName: "USERNAME"))
    var username: String

    func run() async throws {
        let home = try homeOptions.resolve()
        let station = try await HomeOptions.run { try Station.open(home: home) }
        defer { station.close() }
        try await HomeOptions.run {
            try await station.operatorDirectory().enableOperator(username)
            try await station.refreshCentralCache()
        }
        print("operatore \(username) riabilitato")
    }
}
