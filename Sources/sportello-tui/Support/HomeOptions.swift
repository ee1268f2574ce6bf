import ArgumentParser
import Foundation
import LocalStore

/// `--home DIR`, shared by every command. Without it: `$SPORTELLO_HOME`, else
/// `$XDG_DATA_HOME/sportello-tui`, else `~/.local/share/sportello-tui`.
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Cartella della stazione (predefinita: $SPORTELLO_HOME, poi $XDG_DATA_HOME/sportello-tui).",
        valueName: "DIR"))
    var home: String?

    func resolve() throws -> StationHome {
        do {
            return try StationHome.resolve(explicit: home, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw HomeOptions.failure(for: error)
        }
    }

    /// Runs a piece of store work and turns store errors into the command's one-line
    /// failure with the project's exit codes: 2 for the environment (missing or unwritable
    /// home, bad configuration, busy station, central database unreachable or refusing), 1 for
    /// data refused (and a central schema newer than this program).
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw failure(for: error)
        }
    }

    static func failure(for error: Error) -> Error {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let config as ConfigError:
            return CommandFailure.usage("configurazione non valida: \(config)")
        case let central as PostgresCentralError:
            return central.commandFailure
        case let store as StoreError:
            switch store {
            case .postgres(let central):
                return central.commandFailure
            case .unwritable, .notInitialized, .notEmbeddedCentral, .centralUnavailable, .stationBusy, .newerSchema:
                return CommandFailure.usage(store.description)
            default:
                return CommandFailure.rejected(store.description)
            }
        default:
            return CommandFailure.usage("errore imprevisto: \(error)")
        }
    }
}
