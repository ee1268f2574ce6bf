import ArgumentParser
import CruscottoModel
import LocalStore

/// `sportello-tui operator add USERNAME --name "…" [--role …]`.
struct OperatorAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Aggiunge un operatore.")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: ArgumentHelp("Nome utente (minuscole, cifre, '.', '_', '-').", valueName: "USERNAME"))
    var username: String

    @Option(help: ArgumentHelp("Nome e cognome.", valueName: "NOME"))
    var name: String

    @Option(help: ArgumentHelp("Ruolo, ripetibile: \(OperatorRole.allCases.map(\.rawValue).joined(separator: ", ")) (predefinito: counter).", valueName: "RUOLO"))
    var role: [String] = []

    @Flag(name: .customLong("password-stdin"), help: "Legge la password da stdin (una riga).")
    var passwordStdin = false

    func run() async throws {
        let home = try homeOptions.resolve()
        var roles = Set<OperatorRole>()
        for name in role {
            guard let parsed = OperatorRole(rawValue: name) else {
                throw CommandFailure.usage("ruolo '\(name)' sconosciuto (ammessi: \(OperatorRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            roles.insert(parsed)
        }
        if roles.isEmpty { roles = [.counter] }
        let account = OperatorAccount(username: username, fullName: name, roles: roles)
        let station = try await HomeOptions.run { try Station.open(home: home) }
        defer { station.close() }
        let central = try await HomeOptions.run { try await station.operatorDirectory() }
        try await HomeOptions.run {
            // Validate before asking for a password nobody will use.
            guard OperatorAccount.isValidUsername(username) else {
                throw StoreError.invalid("nome utente '\(username)' non valido: da 2 a 32 caratteri tra minuscole, cifre, '.', '_', '-', iniziando con una lettera")
            }
            if try await central.listOperators().contains(where: { $0.username == username }) {
                throw StoreError.operatorExists(username)
            }
            let password = try OperatorPasswordInput.read(fromStdin: passwordStdin)
            try await central.addOperator(account, password: password, hasher: station.hasher)
            try await station.refreshCentralCache()
        }
        print("operatore \(username) aggiunto (\(roles.sorted().map(\.label).joined(separator: ", ")))")
    }
}
