import ArgumentParser
import LocalStore

/// `sportello-tui operator disable USERNAME`: the operator is kept, logins are refused.
struct OperatorDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disabilita un operatore (non viene mai cancellato).")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: ArgumentHelp("Nome utente.", valueName: "USERNAME"))
    var username: String

    func run() async throws {
        let home = try homeOptions.resolve()
        let station = try await HomeOptions.run { try Station.open(home: home) }
        defer { station.close() }
        try await HomeOptions.run {
            try await station.operatorDirectory().disableOperator(username)
            try await station.refreshCentralCache()
        }
        print("operatore \(username) disabilitato")
    }
}
