import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// A station opened for a sync command, with its central side when one is needed: the
/// embedded file or PostgreSQL, from the station's `central` setting.
struct SyncStationSession {
    let station: Station
    let central: (any SyncCentral)?
    private let postgres: PostgresCentral?

    static func open(_ options: HomeOptions, withCentral: Bool, clock: any Clock = SystemClock()) async throws -> SyncStationSession {
        let home = try options.resolve()
        let station = try await HomeOptions.run { try Station.open(home: home, clock: clock) }
        guard withCentral else { return SyncStationSession(station: station, central: nil, postgres: nil) }
        do {
            if let url = try station.config.centralPostgres() {
                let connection = try await PostgresCentral.connect(url)
                return SyncStationSession(station: station, central: PostgresSyncCentral(central: connection, clock: clock),
                                          postgres: connection)
            }
            return SyncStationSession(station: station, central: SQLiteSyncCentral(central: try station.requireCentral()), postgres: nil)
        } catch let error as PostgresCentralError {
            station.close()
            throw error.commandFailure
        } catch {
            station.close()
            throw HomeOptions.failure(for: error)
        }
    }

    var engine: SyncEngine? {
        central.map { SyncEngine(store: station.store, central: $0, station: station.config.stationID) }
    }

    func close() {
        postgres?.shutdown()
        station.close()
    }

    /// JSON on stdout with sorted keys.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// A sync error as the command's failure: a refused exchange (versions) or an unreachable
    /// central side is the environment (exit 2); an unknown or resolved letter is data (exit 1).
    static func failure(_ error: any Error) -> any Error {
        guard let error = error as? SyncError else { return HomeOptions.failure(for: error) }
        switch error {
        case .notFound, .alreadyResolved, .stillUnreadable: return CommandFailure.rejected(error.description)
        case .missingReason: return CommandFailure.usage(error.description)
        default: return CommandFailure.usage(error.description)
        }
    }
}
