import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// Where the queue commands find the office's central database: `--central sqlite:///PATH`,
/// else the station's `central` setting in `HOME/sportello.toml`, else `HOME/central.sqlite`.
struct QueueCentralOptions: ParsableArguments {
    @OptionGroup var homeOptions: HomeOptions

    @Option(name: .long, help: ArgumentHelp(
        "Database centrale (sqlite:///PERCORSO o postgresql://…); predefinito: quello di sportello.toml, poi central.sqlite nella cartella della stazione.",
        valueName: "URL"))
    var central: String?

    func centralPath() throws -> String {
        if let central {
            switch CentralLocation.parse(central) {
            case let .success(.sqlite(path)): return path
            case .success(.postgresql): throw CommandFailure.usage(StoreError.notEmbeddedCentral(url: central).description)
            case let .failure(error): throw CommandFailure.usage(error.message)
            }
        }
        let home = try homeOptions.resolve()
        guard FileManager.default.fileExists(atPath: home.configPath) else { return home.defaultCentralPath }
        do {
            return try StationConfig.load(from: home).centralSQLitePath()
        } catch {
            throw HomeOptions.failure(for: error)
        }
    }

    /// The queue backend on the central file (created with the default office when new).
    func openBackend(clock: any Clock = SystemClock()) throws -> SQLiteQueueBackend {
        let path = try centralPath()
        do {
            return try CentralQueueFile.openBackend(path: path, clock: clock)
        } catch let error as QueueBackendError {
            throw CommandFailure.usage(error.description)
        } catch {
            throw HomeOptions.failure(for: error)
        }
    }

    /// The central database of the queue commands: PostgreSQL when `--central` or the station's
    /// `central` setting is a `postgresql://` URL, else the embedded file.
    func openQueue(clock: any Clock = SystemClock()) async throws -> any QueueBackend {
        guard let url = try postgresURL() else { return try openBackend(clock: clock) }
        do {
            let connection = try await PostgresCentral.connect(url)
            let backend = try await PostgresQueueBackend.open(central: connection, clock: clock)
            _ = try? await PostgresCentralAdmin.contact(connection, program: "sportello-tui", at: clock.now())
            return backend
        } catch let error as PostgresCentralError {
            throw error.commandFailure
        } catch let error as QueueBackendError {
            throw CommandFailure.usage(error.description)
        }
    }

    private func postgresURL() throws -> PostgresCentralURL? {
        if let central {
            guard case .success(.postgresql(let text)) = CentralLocation.parse(central) else { return nil }
            do { return try PostgresCentralURL(parsing: text) } catch { throw CommandFailure.usage(error.description) }
        }
        let home = try homeOptions.resolve()
        guard FileManager.default.fileExists(atPath: home.configPath) else { return nil }
        do {
            return try StationConfig.load(from: home).centralPostgres()
        } catch let error as PostgresCentralError {
            throw CommandFailure.usage(error.description)
        } catch {
            throw HomeOptions.failure(for: error)
        }
    }
}
