import CruscottoModel
import Foundation

/// Everything a running station works with: its home, configuration, local store and,
/// when reachable, the central database. What the cruscotto, login and lock screens start
/// from: `Station.open(home:)`.
public struct Station: Sendable {
    public let home: StationHome
    public let config: StationConfig
    public let store: AppDatabase
    /// The embedded central file; nil when it could not be opened (`centralError` says why)
    /// or when the station works on PostgreSQL.
    public let central: CentralDatabase?
    /// The PostgreSQL central database, connected on first use and again after failures; nil
    /// for a station on the embedded file or with a `central` URL that cannot be used.
    public let postgres: PostgresCentralLink?
    public let centralError: StoreError?
    public let hasher: PasswordHasher
    public let clock: any Clock

    /// Opens an initialized station. A bad configuration or store refuses to start
    /// (throws); an unreachable central database does not: the station works from its cache.
    public static func open(home: StationHome, clock: any Clock = SystemClock(),
                            hasher: PasswordHasher = PasswordHasher()) throws -> Station {
        let config = try StationConfig.load(from: home)
        guard SecureFiles.exists(home.storePath) else { throw StoreError.notInitialized(home: home.path) }
        let store = try AppDatabase.open(at: home.storePath, clock: clock)
        try adoptConfiguration(config, in: store)
        var central: CentralDatabase?
        var postgres: PostgresCentralLink?
        var problem: StoreError?
        switch config.central {
        case .sqlite(let path):
            do {
                central = try CentralDatabase.open(at: path, clock: clock)
            } catch let error as StoreError {
                problem = error
            } catch {
                problem = .centralUnavailable(path: config.central.urlString, reason: String(describing: error))
            }
        case .postgresql:
            // Nothing is contacted here: the link connects on first use, so a station starts
            // (and logs in from its cache) while the server is down.
            do throws(PostgresCentralError) {
                if let url = try config.centralPostgres() { postgres = PostgresCentralLink(url: url) }
            } catch {
                problem = .postgres(error)
            }
        }
        return Station(home: home, config: config, store: store, central: central, postgres: postgres,
                       centralError: problem, hasher: hasher, clock: clock)
    }

    /// The store belongs to one station for life: another id in the configuration is refused
    /// (its history would be mixed with another station's). A changed kind, counter or office
    /// name is taken over.
    private static func adoptConfiguration(_ config: StationConfig, in store: AppDatabase) throws {
        guard let identity = try store.stationIdentity() else {
            try store.saveStationIdentity(config)
            return
        }
        guard identity.id == config.stationID else {
            throw StoreError.invalid("l'archivio locale appartiene alla stazione \(identity.id) ma sportello.toml indica \(config.stationID): correggere la configurazione o rieseguire 'sportello-tui init --force'")
        }
        if identity.kind != config.kind.rawValue || identity.counter != config.counter || identity.officeName != config.officeName {
            try store.saveStationIdentity(config)
        }
    }

    /// Why the central database is not available, in Italian (nil when it is).
    public var centralProblem: String? { centralError?.description }

    /// The central database, or the reason it is not available (as an error).
    public func requireCentral() throws -> CentralDatabase {
        if let central { return central }
        throw centralError ?? StoreError.centralUnavailable(path: config.central.urlString, reason: "sconosciuto")
    }

    /// The operators of the office, on the embedded file or on PostgreSQL.
    public func operatorDirectory() async throws -> any OperatorDirectory {
        if let postgres {
            do {
                return PostgresOperatorDirectory(central: try await postgres.connected(), clock: clock)
            } catch {
                throw StoreError.postgres(error)
            }
        }
        return try requireCentral()
    }

    /// Refreshes the local cache from the central database, on either backend: the operators
    /// (with hashes, for offline logins) and, on PostgreSQL, the reference version, which lets
    /// a later refresh skip the fetch when nothing changed (`onlyIfChanged`). Also notes the
    /// station's contact. Throws when the central database cannot be reached; the cache is
    /// then left as it was. Returns how many operators the cache holds.
    @discardableResult
    public func refreshCentralCache(onlyIfChanged: Bool = false) async throws -> Int {
        guard let postgres else { return try refreshOperatorCache() }
        let kind = config.kind, now = clock.now()
        do {
            let cached = await postgres.cachedReferenceVersion()
            let fresh: CentralReference? = try await postgres.run { central throws(PostgresCentralError) in
                if onlyIfChanged, let cached, try await central.referenceVersion() == cached { return nil }
                let reference = try await central.reference()
                _ = try? await central.hello(kind: kind, program: "sportello-tui", at: now)
                return reference
            }
            guard let fresh else { return try store.cachedOperators().count }
            try store.replaceOperatorCache(with: fresh.operators)
            await postgres.noteCachedReference(fresh.version)
            return fresh.operators.count
        } catch let error as PostgresCentralError {
            throw StoreError.postgres(error)
        }
    }

    /// Copies the embedded central file's operators (with hashes) into the local cache and
    /// notes the station's contact. Returns how many operators were cached.
    @discardableResult
    public func refreshOperatorCache() throws -> Int {
        let central = try requireCentral()
        let operators = try central.operatorsForCache()
        try store.replaceOperatorCache(with: operators)
        try? central.recordContact(stationID: config.stationID)
        return operators.count
    }

    /// Checks a login against the cache (works offline); see `AppDatabase.authenticate`.
    public func authenticate(username: String, password: String) async -> AuthResult {
        await store.authenticate(username: username, password: password, hasher: hasher)
    }

    /// An access context for an operator at this station.
    public func accessContext(operator username: String, purpose: AccessPurpose) -> AccessContext {
        AccessContext(operatorUsername: username, stationID: config.stationID, purpose: purpose)
    }

    public func close() {
        try? store.close()
        try? central?.close()
        if let postgres { Task { await postgres.shutdown() } }
    }
}
