import CruscottoModel
import Foundation
import Logging
import PostgresNIO

/// Administration of the PostgreSQL central database, with the owner's URL: schema, the
/// stations' roles (each may only call the station functions, never read or write tables),
/// the office's queue configuration, and the status of the stations.
public enum PostgresCentralAdmin {
    /// The functions a station calls. Loads (`queue_issue_bulk`), the raw configuration write
    /// (`queue_config_put`) and the office's name (`office_put`) stay with the owner. Operators
    /// and the configuration import (with its check of today's open tickets) are managed from
    /// any station, as on the embedded central file.
    public static let stationFunctions = [
        "central_contact(text, integer, timestamptz)",
        "queue_config_get()",
        "queue_issue(jsonb, date, timestamptz, integer, integer)",
        "queue_claim(integer, text, text, integer, date, timestamptz, double precision)",
        "queue_ticket_get(bigint)",
        "queue_ticket_by_number(date, text, integer)",
        "queue_ticket_write(bigint, integer, jsonb, bigint, text, double precision, integer)",
        "queue_changes(bigint, integer)",
        "queue_day_get(date)",
        "queue_day_closed(date)",
        "queue_open_tickets(date)",
        "queue_office_day_write(date, integer, jsonb, boolean, integer[], integer[], jsonb, text, double precision)",
        // Schema 2: reference data, operators, the change mark, the configuration import.
        "reference_get()",
        "reference_version()",
        "central_hello(text, text, integer, timestamptz)",
        "queue_change_mark(date)",
        "operator_add(text, text, text, text, timestamptz)",
        "operator_set_disabled(text, boolean, timestamptz)",
        "operator_set_password(text, text, timestamptz)",
        "queue_config_import(jsonb, integer, integer, jsonb, date)",
        // Schema 3: sync of the outbox and of the shared registry.
        "sync_push(text, integer, integer, timestamptz, jsonb)",
        "sync_changes(text, integer, integer, timestamptz, bigint, integer)",
        // Schema 4: the queue report.
        "queue_report_get(date, date, integer)",
        // Schema 5: ending a ticket and calling the next in one call.
        "queue_write_and_claim(bigint, integer, jsonb, bigint, text, double precision, integer, integer, text, text, integer, date, timestamptz, double precision)",
        "queue_report_day_put(date, integer, bytea, integer, bigint, bigint, date)",
        // Schema 6: offline ticket blocks.
        "queue_offline_block_reserve(text, text, date, integer, timestamptz)",
        // Schema 7: the registry's snapshot for a station behind the retention.
        "sync_snapshot(text, integer, integer, timestamptz, text, integer)",
    ]

    public struct StationRole: Sendable, Equatable {
        public var station: String
        public var role: String
        public var password: String
    }

    public struct InitOutcome: Sendable {
        public var migration: CentralMigrator.Outcome
        public var configurationWritten: Bool
        /// The office's name as stored after init.
        public var officeName: String
        public var groupRole: String
        public var stations: [StationRole]
    }

    public struct StationRow: Sendable, Equatable, Encodable {
        public var name: String
        public var role: String
        public var kind: String
        public var programVersion: String?
        public var schemaVersion: Int?
        public var lastContact: Date?
    }

    public struct Status: Sendable, Encodable {
        public var server: String
        public var database: String
        public var schemaVersion: Int
        public var programSchemaVersion: Int
        public var configurationVersion: Int64?
        public var stations: [StationRow]
    }

    /// The role names of a station under a prefix (roles are cluster-wide: one prefix per
    /// office database, and per test suite).
    public static func groupRole(prefix: String) -> String { prefix + "station" }
    public static func stationRole(prefix: String, station: String) -> String {
        prefix + station.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")
    }

    /// Creates or completes the central schema, grants the station functions to the group
    /// role, writes `configuration` when the database has none, names the office (`officeName`,
    /// else the default when it has no name yet), and creates one login role per station (a
    /// new random password for each station named; existing roles get a new one).
    public static func initialize(
        _ url: PostgresCentralURL, configuration: QueueConfiguration, stations: [String],
        rolePrefix: String = "sportello_", officeName: String? = nil, at now: Date = Date()
    ) async throws(PostgresCentralError) -> InitOutcome {
        if let officeName, officeName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidURL(officeName, reason: "il nome dell'ufficio non può essere vuoto")
        }
        guard rolePrefix.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }), !rolePrefix.isEmpty else {
            throw .invalidURL(rolePrefix, reason: "prefisso dei ruoli: solo minuscole, cifre e _")
        }
        for station in stations where !StationConfig.isValidStationID(station) {
            throw .invalidURL(station, reason: "nome di postazione non valido")
        }
        let migration = try await CentralMigrator.migrate(url)
        let central = try await PostgresCentral.connect(url, maximumConnections: 1)
        defer { central.shutdown() }
        let group = groupRole(prefix: rolePrefix)
        var wrote = false
        let created = try await central.withConnection { connection in
            var created: [StationRole] = []
            let logger = central.logger
            func run(_ sql: String) async throws { _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
            func quoted(_ format: String, _ a: String, _ b: String = "") async throws -> String {
                try await PostgresCentral.firstText(connection.query("SELECT format(\(format), \(a), \(b))", logger: logger)) ?? ""
            }
            let exists = try await PostgresCentral.firstText(connection.query(
                "SELECT count(*)::text FROM pg_roles WHERE rolname = \(group)", logger: logger))
            if exists == "0" { try await run(try await quoted("CREATE ROLE %I NOLOGIN", group)) }
            try await run(try await quoted("GRANT USAGE ON SCHEMA sportello TO %I", group))
            // Stations check the schema version before anything else.
            try await run(try await quoted("GRANT SELECT ON sportello.central_migration TO %I", group))
            for function in stationFunctions {
                try await run("GRANT EXECUTE ON FUNCTION sportello.\(function) TO \"\(group)\"")
            }
            for station in stations {
                let role = stationRole(prefix: rolePrefix, station: station)
                let password = randomPassword()
                let has = try await PostgresCentral.firstText(connection.query(
                    "SELECT count(*)::text FROM pg_roles WHERE rolname = \(role)", logger: logger))
                if has == "0" {
                    try await run(try await quoted("CREATE ROLE %I LOGIN PASSWORD %L", role, password))
                } else {
                    try await run(try await quoted("ALTER ROLE %I LOGIN PASSWORD %L", role, password))
                }
                try await run(try await quoted("GRANT %I TO %I", group, role))
                _ = try await connection.query("""
                    INSERT INTO sportello.central_station (name, role_name) VALUES (\(station), \(role))
                    ON CONFLICT (name) DO UPDATE SET role_name = excluded.role_name
                    """, logger: logger)
                created.append(StationRole(station: station, role: role, password: password))
            }
            return created
        }
        let existing = try await central.text("SELECT version::text FROM sportello.queue_config WHERE id = 1")
        if existing == nil {
            do { try await PostgresQueueBackend.replaceConfiguration(configuration, in: central) } catch {
                throw .server(message: error.description)
            }
            wrote = true
        }
        var office = try await central.reference().officeName
        if officeName != nil || office == nil {
            let name = officeName ?? StationSetup.defaultOfficeName
            try await central.setOfficeName(name, at: now)
            office = name.trimmingCharacters(in: .whitespaces)
        }
        return InitOutcome(migration: migration, configurationWritten: wrote, officeName: office ?? "",
                           groupRole: group, stations: created)
    }

    public static func status(_ url: PostgresCentralURL) async throws(PostgresCentralError) -> Status {
        let central = try await PostgresCentral.connect(url, maximumConnections: 1)
        defer { central.shutdown() }
        let server = try await central.text("SHOW server_version") ?? "?"
        let schema = Int(try await central.text("SELECT coalesce(max(version), 0)::text FROM sportello.central_migration") ?? "") ?? 0
        let configVersion = try await central.text("SELECT version::text FROM sportello.queue_config WHERE id = 1").flatMap { Int64($0) }
        let stations = try await central.withConnection { connection in
            var rows: [StationRow] = []
            let result = try await connection.query("""
                SELECT name, role_name, kind, program_version, schema_version,
                       extract(epoch FROM last_contact)::float8
                  FROM sportello.central_station ORDER BY name
                """, logger: central.logger)
            for try await (name, role, kind, program, schema, contact)
                in result.decode((String, String, String, String?, Int?, Double?).self) {
                rows.append(StationRow(name: name, role: role, kind: kind, programVersion: program, schemaVersion: schema,
                                       lastContact: contact.map { Date(timeIntervalSince1970: $0) }))
            }
            return rows
        }
        return Status(server: server, database: url.database, schemaVersion: schema,
                      programSchemaVersion: CentralMigrations.all.count, configurationVersion: configVersion,
                      stations: stations)
    }

    /// A station tells the central database it is alive (program and schema versions);
    /// returns the central schema version.
    public static func contact(_ central: PostgresCentral, program: String, at now: Date) async throws(PostgresCentralError) -> Int {
        let known = CentralMigrations.all.count
        let text = try await central.text("SELECT sportello.central_contact(\(program), \(known)::integer, \(now))::text")
        return Int(text ?? "") ?? 0
    }

    static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<24).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}

extension PostgresCentralAdmin {
    /// Runs one administrative statement as given (database creation for benchmarks and
    /// tests; never with operator input).
    public static func execute(_ url: PostgresCentralURL, sql: String) async throws(PostgresCentralError) {
        let central = try await PostgresCentral.connect(url, maximumConnections: 1, requireSchema: false)
        defer { central.shutdown() }
        _ = try await central.text(PostgresQuery(unsafeSQL: sql))
    }
}
