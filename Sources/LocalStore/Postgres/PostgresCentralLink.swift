import Foundation

/// A station's connection to the PostgreSQL central database, opened on first use and opened
/// again after a failure: the cruscotto, the totem and the display start (and keep working on
/// what they can do alone) while the server is down, and pick it up when it is back without a
/// restart. After a failed attempt the next one waits `retryDelay` seconds, so a board polling
/// five times a second does not hammer an unreachable server.
public actor PostgresCentralLink {
    public static let retryDelay: Duration = .seconds(3)

    public nonisolated let url: PostgresCentralURL
    private let maximumConnections: Int
    private var central: PostgresCentral?
    private var pending: Task<Result<PostgresCentral, PostgresCentralError>, Never>?
    private var lastFailure: (error: PostgresCentralError, at: ContinuousClock.Instant)?
    /// The reference version last cached by this process (nil: never fetched).
    private var cachedReference: Int64?

    public init(url: PostgresCentralURL, maximumConnections: Int = 2) {
        self.url = url
        self.maximumConnections = maximumConnections
    }

    /// The open connection pool, connecting (with the server, version and schema checks of
    /// `PostgresCentral.connect`) when there is none.
    public func connected() async throws(PostgresCentralError) -> PostgresCentral {
        if let central { return central }
        if pending == nil {
            if let lastFailure, ContinuousClock.now < lastFailure.at + Self.retryDelay { throw lastFailure.error }
            let url = url, maximum = maximumConnections
            pending = Task {
                do throws(PostgresCentralError) {
                    return .success(try await PostgresCentral.connect(url, maximumConnections: maximum))
                } catch {
                    return .failure(error)
                }
            }
        }
        let result = await pending!.value
        pending = nil
        switch result {
        case let .success(opened):
            if central == nil { central = opened }
            lastFailure = nil
            return central!
        case let .failure(error):
            lastFailure = (error, ContinuousClock.now)
            throw error
        }
    }

    /// Drops the pool after a failure that says the server is gone (or refuses), so that the
    /// next use connects again with every check.
    public func failed(_ error: PostgresCentralError) {
        switch error {
        case .server: return
        default:
            central?.shutdown()
            central = nil
            lastFailure = (error, ContinuousClock.now)
        }
    }

    /// Runs `body` on the connection, for at most `PostgresDeadline.stationSeconds`; a
    /// failure drops the connection (see `failed`).
    public func run<T: Sendable>(
        _ body: @escaping @Sendable (PostgresCentral) async throws(PostgresCentralError) -> T
    ) async throws(PostgresCentralError) -> T {
        let central = try await connected()
        do {
            return try await PostgresDeadline.within(PostgresDeadline.stationSeconds) { try await body(central) }
        } catch {
            let problem = Self.problem(error, url: url)
            failed(problem)
            throw problem
        }
    }

    static func problem(_ error: any Error, url: PostgresCentralURL) -> PostgresCentralError {
        if error is PostgresDeadline.Expired {
            return .unreachable(host: url.host, port: url.port,
                                reason: "nessuna risposta entro \(Int(PostgresDeadline.stationSeconds)) secondi")
        }
        return PostgresCentral.map(error, url: url)
    }

    /// The last failure, if the link is down now.
    public var problem: PostgresCentralError? { central == nil ? lastFailure?.error : nil }

    func cachedReferenceVersion() -> Int64? { cachedReference }
    func noteCachedReference(_ version: Int64) { cachedReference = version }

    public func shutdown() {
        central?.shutdown()
        central = nil
    }
}
