import ArgumentParser
import LocalStore

/// `sportello-tui operator passwd USERNAME`.
struct OperatorPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Cambia la password di un operatore.")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: ArgumentHelp("Nome utente.", valueName: "USERNAME"))
    var username: String

    @Flag(name: .customLong("password-stdin"), help: "Legge la password da stdin (una riga).")
    var passwordStdin = false

    func run() async throws {
        let home = try homeOptions.resolve()
        let station = try await HomeOptions.run { try Station.open(home: home) }
        defer { station.close() }
        let central = try await HomeOptions.run { try await station.operatorDirectory() }
        try await HomeOptions.run {
            guard try await central.listOperators().contains(where: { $0.username == username }) else {
                throw StoreError.operatorUnknown(username)
            }
            let password = try OperatorPasswordInput.read(fromStdin: passwordStdin)
            try await central.setPassword(username, password: password, hasher: station.hasher)
            try await station.refreshCentralCache()
        }
        print("password dell'operatore \(username) cambiata")
    }
}
