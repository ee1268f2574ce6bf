import Foundation
import Logging
import PostgresNIO

/// Applies the central migrations: each in its own transaction (statements split by
/// `SQLStatementSplitter`, since the extended protocol runs one statement per query), under an
/// advisory lock so that two stations migrating at once apply each migration once. A central
/// schema newer than this program is refused, and so is an applied migration whose text differs.
public enum CentralMigrator {
    /// Any fixed number: the advisory lock that serializes migrations of one database.
    static let lockKey: Int64 = 0x5350_4345_4D49_4752

    static let bootstrap = [
        "CREATE SCHEMA IF NOT EXISTS sportello",
        """
        CREATE TABLE IF NOT EXISTS sportello.central_migration (
            version integer PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """,
    ]

    public struct Outcome: Sendable, Equatable {
        public var before: Int
        public var after: Int
        public var applied: [String]
    }

    /// The applied schema version, nil when the database has no central schema.
    static func appliedVersion(on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        let exists = try await PostgresCentral.firstText(connection.query(
            "SELECT to_regclass('sportello.central_migration')::text", logger: logger))
        guard exists != nil else { return nil }
        let text = try await PostgresCentral.firstText(connection.query(
            "SELECT coalesce(max(version), 0)::text FROM sportello.central_migration", logger: logger))
        return text.flatMap { Int($0) } ?? 0
    }

    public static func migrate(
        _ url: PostgresCentralURL, migrations: [CentralMigration] = CentralMigrations.all
    ) async throws(PostgresCentralError) -> Outcome {
        let logger = Logger(label: "sportello.central.migrate")
        let (_, configuration) = try PostgresCentral.configurations(url, maximumConnections: 1)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw PostgresCentral.map(error, url: url)
        }
        do {
            let outcome = try await migrate(on: connection, migrations: migrations, logger: logger)
            try? await connection.close()
            return outcome
        } catch {
            try? await connection.close()
            throw PostgresCentral.map(error, url: url)
        }
    }

    static func migrate(
        on connection: PostgresConnection, migrations: [CentralMigration], logger: Logger
    ) async throws -> Outcome {
        let versionText = try await PostgresCentral.firstText(connection.query("SHOW server_version_num", logger: logger))
        let major = (Int(versionText ?? "") ?? 0) / 10_000
        if major != PostgresCentral.supportedMajorVersion {
            throw PostgresCentralError.unsupportedServer(version: String(major))
        }
        _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
        do {
            for statement in bootstrap {
                _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            var applied: [Int: String] = [:]
            let rows = try await connection.query(
                "SELECT version, sha256 FROM sportello.central_migration ORDER BY version", logger: logger)
            for try await (version, sha) in rows.decode((Int, String).self) { applied[version] = sha }
            let before = applied.keys.max() ?? 0
            if before > migrations.count { throw PostgresCentralError.schemaTooNew(central: before, known: migrations.count) }
            var names: [String] = []
            for migration in migrations {
                if let sha = applied[migration.version] {
                    if sha != migration.sha256 { throw PostgresCentralError.migrationChanged(name: migration.name) }
                    continue
                }
                let statements: [String]
                do { statements = try SQLStatementSplitter.split(migration.sql) } catch {
                    throw PostgresCentralError.migrationFailed(name: migration.name, statement: 0, message: error.description)
                }
                _ = try await connection.query("BEGIN", logger: logger)
                var index = 0
                do {
                    for statement in statements {
                        index += 1
                        _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    index += 1
                    _ = try await connection.query(
                        "INSERT INTO sportello.central_migration (version, name, sha256) VALUES (\(migration.version), \(migration.name), \(migration.sha256))",
                        logger: logger)
                    _ = try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    let message = (error as? PSQLError)?.serverInfo?[.message] ?? String(describing: error)
                    throw PostgresCentralError.migrationFailed(name: migration.name, statement: index, message: message)
                }
                names.append(migration.name)
            }
            _ = try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            return Outcome(before: before, after: max(before, migrations.count), applied: names)
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            throw error
        }
    }
}
