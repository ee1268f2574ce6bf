import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// Where the queue commands find the office's central database: `--central sqlite:///PATH`,
/// else `HOME/central.sqlite` (home from `--home`, `$SPORTELLO_HOME`, the XDG data home).
struct QueueCentralOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Cartella della stazione (predefinita: $SPORTELLO_HOME, poi $XDG_DATA_HOME/sportello-tui).",
        valueName: "DIR"))
    var home: String?

    @Option(name: .long, help: ArgumentHelp(
        "Database centrale (sqlite:///PERCORSO); predefinito: central.sqlite nella cartella della stazione.",
        valueName: "URL"))
    var central: String?

    func centralPath() throws -> String {
        if let central {
            guard central.hasPrefix("sqlite://") else {
                throw CommandFailure.usage("database centrale non supportato: \(central) (usa sqlite:///PERCORSO)")
            }
            let path = String(central.dropFirst("sqlite://".count))
            guard path.hasPrefix("/"), path.count > 1, !path.hasSuffix("/") else {
                throw CommandFailure.usage("percorso del database centrale non valido: serve sqlite:///PERCORSO/ASSOLUTO")
            }
            return path
        }
        let environment = ProcessInfo.processInfo.environment
        let home: String
        if let explicit = self.home, !explicit.isEmpty {
            home = explicit
        } else if let value = environment["SPORTELLO_HOME"], !value.isEmpty {
            home = value
        } else if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            home = xdg + "/sportello-tui"
        } else if let user = environment["HOME"], !user.isEmpty {
            home = user + "/.local/share/sportello-tui"
        } else {
            throw CommandFailure.usage("cartella della stazione sconosciuta: indicare --home o SPORTELLO_HOME")
        }
        return URL(fileURLWithPath: home).standardizedFileURL.path + "/central.sqlite"
    }

    /// The queue backend on the central file (created with the default office when new).
    func openBackend(clock: any Clock = SystemClock()) throws -> SQLiteQueueBackend {
        let path = try centralPath()
        do {
            return try CentralQueueFile.openBackend(path: path, clock: clock)
        } catch let error as QueueBackendError {
            throw CommandFailure.usage(error.description)
        }
    }
}

extension QueueBackendError {
    /// The command failure for a refusal: exit 2 when the central side is unreachable,
    /// 1 when the request was refused.
    var commandFailure: CommandFailure {
        if case .unavailable = self { return .usage(description) }
        return .rejected(description)
    }
}

/// Runs a queue operation and maps its refusal to the command's one-line failure.
func queueOperation<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as QueueBackendError {
        throw error.commandFailure
    }
}
