import CruscottoModel
import Foundation
import PostgresNIO

/// The office of a fault run on a PostgreSQL database: the schema, the queue configuration
/// and one role per station made by `central init`'s code, then K counter stations and a
/// display, each joined with the station setup's code in its own folder, with its password in
/// a 0600 file. The stations' clocks are minutes apart.
public struct FaultOffice: Sendable {
    public var ownerURL: PostgresCentralURL
    public var rolePrefix: String
    public var directory: String
    public var stationIDs: [String]
    public var offsets: [TimeInterval]
    public var start: Date

    /// The display's station id (and role).
    public static let displayID = "display"
    /// A Monday at 09:00 in Rome (08:00 UTC): the default services are open all morning.
    public static let morning = Date(timeIntervalSince1970: 1_796_025_600)

    /// Offsets of the stations' clocks: the first on time, the others ±5 minutes, in turn.
    public static func offsets(count: Int) -> [TimeInterval] {
        (0..<count).map { (index: Int) -> TimeInterval in
            let sign: TimeInterval = index % 2 == 1 ? 1 : -1
            return sign * 300 * TimeInterval((index + 1) / 2)
        }
    }

    /// The default configuration with one general counter per station.
    public static func configuration(counters: Int) -> QueueConfiguration {
        var configuration = DefaultQueueOffice.configuration
        configuration.counters = (1...max(1, counters)).map { Counter(number: $0, profileCode: "polifunzionale") }
        return configuration
    }

    /// Initializes the (migrated or empty) database at `ownerURL` and joins the stations.
    public static func create(ownerURL: PostgresCentralURL, rolePrefix: String, directory: String, stations count: Int,
                              start: Date = morning) async throws -> FaultOffice {
        let stationIDs = (1...count).map { "sportello-\($0)" }
        let outcome = try await PostgresCentralAdmin.initialize(
            ownerURL, configuration: configuration(counters: count), stations: stationIDs + [displayID],
            rolePrefix: rolePrefix, officeName: "Comune di Prova", at: start)
        let office = FaultOffice(ownerURL: ownerURL, rolePrefix: rolePrefix, directory: directory, stationIDs: stationIDs,
                                 offsets: offsets(count: count), start: start)
        for role in outcome.stations {
            let home = office.home(role.station)
            try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
            let passwordFile = directory + "/" + role.station + ".password"
            guard FileManager.default.createFile(atPath: passwordFile, contents: Data((role.password + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.invalid("impossibile scrivere \(passwordFile)")
            }
            let url = "postgresql://\(role.role)@\(ownerURL.host):\(ownerURL.port)/\(ownerURL.database)?password_file=\(passwordFile)"
            let isDisplay = role.station == displayID
            let counter = stationIDs.firstIndex(of: role.station).map { $0 + 1 }
            _ = try await StationSetup(stationID: role.station, kind: isDisplay ? .display : .counter, counter: counter,
                                       central: .postgresql(url: url))
                .runConnected(in: home, clock: FixedClock(start))
        }
        return office
    }

    public func home(_ station: String) -> StationHome { StationHome(path: directory + "/" + station) }

    func clock(_ index: Int, origin: Date) -> OffsetClock {
        OffsetClock(start: start, offset: offsets[index], origin: origin)
    }
}

extension FaultOffice {
    /// A new database `sportello_chaos_<token>` on the server of `serverURL` (an owner's URL),
    /// with the matching role prefix, for one run of `sportello-tui chaos`.
    public static func createDatabase(serverURL: PostgresCentralURL) async throws -> (url: PostgresCentralURL, rolePrefix: String) {
        let name = "sportello_chaos_" + String(UInt64.random(in: 0..<UInt64.max), radix: 36)
        let central = try await PostgresCentral.connect(serverURL, maximumConnections: 1, requireSchema: false)
        defer { central.shutdown() }
        _ = try await central.text(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""))
        return (serverURL.with(database: name), name + "_")
    }

    /// Drops a run's database and its roles.
    public static func dropDatabase(serverURL: PostgresCentralURL, name: String, rolePrefix: String) async throws {
        let central = try await PostgresCentral.connect(serverURL, maximumConnections: 1, requireSchema: false)
        defer { central.shutdown() }
        _ = try await central.text(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"))
        let roles = try await central.text(PostgresQuery(unsafeSQL: """
            SELECT coalesce(string_agg(quote_ident(rolname), ','), '') FROM pg_roles WHERE starts_with(rolname, '\(rolePrefix)')
            """)) ?? ""
        // Members first: the group role goes last.
        for role in roles.split(separator: ",").sorted(by: { $0.hasSuffix("station") == $1.hasSuffix("station") ? $0 < $1 : !$0.hasSuffix("station") }) {
            _ = try await central.text(PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \(role)"))
        }
    }
}
