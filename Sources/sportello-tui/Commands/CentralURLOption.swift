import ArgumentParser
import Foundation
import LocalStore

/// `--url postgresql://…` of the central commands, parsed with its password source and TLS.
struct CentralURLOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Database centrale: postgresql://UTENTE@HOST:PORTA/DB (password da password_file=, password_env= o SPORTELLO_CENTRAL_PASSWORD; sslmode=).",
        valueName: "URL"))
    var url: String

    func parsed() throws -> PostgresCentralURL {
        do { return try PostgresCentralURL(parsing: url) } catch { throw CommandFailure.usage(error.description) }
    }
}

extension PostgresCentralError {
    /// Exit 1 for a refused schema (the answer is no), 2 for the environment.
    var commandFailure: CommandFailure {
        switch self {
        case .schemaTooNew, .migrationChanged, .migrationFailed: .rejected(description)
        default: .usage(description)
        }
    }
}
