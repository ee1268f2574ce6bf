import Foundation
import Logging
import PostgresNIO

/// A connection pool to the PostgreSQL central database and the few calls the product makes:
/// one SQL function call per query, answers read as text (JSON documents).
///
/// `connect` first opens one plain connection to give a clear message for a wrong URL, a
/// refused password, a server of another major version or a central schema newer than this
/// program, then starts the pool.
public final class PostgresCentral: Sendable {
    public let url: PostgresCentralURL
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger

    /// The major version the schema and functions are written for.
    public static let supportedMajorVersion = 15

    private init(url: PostgresCentralURL, client: PostgresClient, logger: Logger) {
        self.url = url
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Connects, checks the server and (unless `requireSchema` is false) the central schema.
    public static func connect(
        _ url: PostgresCentralURL, maximumConnections: Int = 4, requireSchema: Bool = true
    ) async throws(PostgresCentralError) -> PostgresCentral {
        let logger = Logger(label: "sportello.central.postgres")
        let (clientConfig, connectionConfig) = try configurations(url, maximumConnections: maximumConnections)
        do {
            let connection = try await PostgresConnection.connect(
                configuration: connectionConfig, id: 1, logger: logger)
            defer { Task { try? await connection.close() } }
            let versionText = try await firstText(connection.query("SHOW server_version_num", logger: logger)) ?? "0"
            guard isSupported(serverVersionNumber: versionText) else {
                let shown = try await firstText(connection.query("SHOW server_version", logger: logger)) ?? versionText
                throw PostgresCentralError.unsupportedServer(version: shown)
            }
            if requireSchema {
                let version = try await CentralMigrator.appliedVersion(on: connection, logger: logger)
                guard let version else { throw PostgresCentralError.schemaMissing }
                if version > CentralMigrations.all.count {
                    throw PostgresCentralError.schemaTooNew(central: version, known: CentralMigrations.all.count)
                }
            }
        } catch {
            throw map(error, url: url)
        }
        return PostgresCentral(url: url, client: PostgresClient(configuration: clientConfig), logger: logger)
    }

    /// Whether a server's `server_version_num` (150004 for 15.4) is of the supported major.
    static func isSupported(serverVersionNumber text: String) -> Bool {
        (Int(text) ?? 0) / 10_000 == supportedMajorVersion
    }

    /// Stops the pool; waiting queries fail.
    public func shutdown() { runner.cancel() }

    /// Runs one statement and returns its first column of its first row as text.
    func text(_ query: PostgresQuery) async throws(PostgresCentralError) -> String? {
        do {
            return try await Self.firstText(client.query(query, logger: logger))
        } catch {
            throw Self.map(error, url: url)
        }
    }

    /// Runs one statement and returns the SQLSTATE of a refusal raised by the central functions
    /// (`SQ…` codes), or throws any other failure.
    func call(_ query: PostgresQuery) async throws(PostgresCentralError) -> Result<String?, CentralRefusal> {
        do {
            return .success(try await Self.firstText(client.query(query, logger: logger)))
        } catch let error as PSQLError {
            if let state = error.serverInfo?[.sqlState], state.hasPrefix("SQ") {
                return .failure(CentralRefusal(sqlState: state, message: error.serverInfo?[.message] ?? ""))
            }
            throw Self.map(error, url: url)
        } catch {
            throw Self.map(error, url: url)
        }
    }

    /// A transaction on one pooled connection.
    func withConnection<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws(PostgresCentralError) -> T {
        do {
            return try await client.withConnection { try await body($0) }
        } catch let error as PostgresCentralError {
            throw error
        } catch {
            throw Self.map(error, url: url)
        }
    }

    static func firstText(_ rows: PostgresRowSequence) async throws -> String? {
        for try await row in rows {
            let cell = row.first
            guard let cell, cell.bytes != nil else { return nil }
            return try cell.decode(String.self)
        }
        return nil
    }

    static func configurations(
        _ url: PostgresCentralURL, maximumConnections: Int
    ) throws(PostgresCentralError) -> (PostgresClient.Configuration, PostgresConnection.Configuration) {
        let password = try url.resolvedPassword()
        var tls = TLSConfiguration.makeClientConfiguration()
        if let root = url.rootCertificate {
            guard FileManager.default.isReadableFile(atPath: root) else { throw .tlsFile(path: root, reason: "non leggibile") }
            tls.trustRoots = .file(root)
        }
        let clientTLS: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        do {
            switch url.tls {
            case .disable:
                (clientTLS, connectionTLS) = (.disable, .disable)
            case .prefer:
                tls.certificateVerification = .none
                (clientTLS, connectionTLS) = (.prefer(tls), try .prefer(.init(configuration: tls)))
            case .require:
                if url.rootCertificate == nil { tls.certificateVerification = .none }
                (clientTLS, connectionTLS) = (.require(tls), try .require(.init(configuration: tls)))
            case .verifyFull:
                tls.certificateVerification = .fullVerification
                (clientTLS, connectionTLS) = (.require(tls), try .require(.init(configuration: tls)))
            }
        } catch {
            throw .tlsFile(path: url.rootCertificate ?? "-", reason: String(describing: error))
        }
        var client = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database, tls: clientTLS)
        client.options.maximumConnections = maximumConnections
        client.options.minimumConnections = 0
        client.options.connectTimeout = .seconds(5)
        var connection = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database, tls: connectionTLS)
        connection.options.connectTimeout = .seconds(5)
        return (client, connection)
    }

    /// An Italian message for what went wrong, never the password.
    static func map(_ error: any Error, url: PostgresCentralURL) -> PostgresCentralError {
        if let error = error as? PostgresCentralError { return error }
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                switch state {
                case "28P01", "28000": return .authenticationFailed(user: url.user)
                case "3D000": return .unreachable(host: url.host, port: url.port, reason: "il database \(url.database) non esiste")
                default: return .server(message: error.serverInfo?[.message] ?? state)
                }
            }
            switch error.code {
            case .sslUnsupported: return .unreachable(host: url.host, port: url.port, reason: "il server non accetta TLS")
            case .connectionError, .serverClosedConnection:
                let reason = error.underlying.map { String(describing: $0) } ?? "connessione chiusa"
                return .unreachable(host: url.host, port: url.port, reason: reason)
            default:
                return .unreachable(host: url.host, port: url.port, reason: String(describing: error.code))
            }
        }
        if error is CancellationError { return .unreachable(host: url.host, port: url.port, reason: "interrotto") }
        return .unreachable(host: url.host, port: url.port, reason: String(describing: error))
    }
}
