import CruscottoModel
import Foundation

/// Everything a running station works with: its home, configuration, local store and,
/// when reachable, the central database. What the cruscotto, login and lock screens start
/// from: `Station.open(home:)`.
public struct Station: Sendable {
    public let home: StationHome
    public let config: StationConfig
    public let store: AppDatabase
    /// Nil when the central database could not be opened; `centralError` says why.
    public let central: CentralDatabase?
    public let centralError: StoreError?
    public let hasher: PasswordHasher

    /// Opens an initialized station. A bad configuration or store refuses to start
    /// (throws); an unreachable central database does not: the station works from its cache.
    public static func open(home: StationHome, clock: any Clock = SystemClock(),
                            hasher: PasswordHasher = PasswordHasher()) throws -> Station {
        let config = try StationConfig.load(from: home)
        guard SecureFiles.exists(home.storePath) else { throw StoreError.notInitialized(home: home.path) }
        let store = try AppDatabase.open(at: home.storePath, clock: clock)
        try adoptConfiguration(config, in: store)
        var central: CentralDatabase?
        var problem: StoreError?
        do {
            central = try CentralDatabase.open(at: try config.centralSQLitePath(), clock: clock)
        } catch let error as StoreError {
            problem = error
        } catch {
            problem = .centralUnavailable(path: config.central.urlString, reason: String(describing: error))
        }
        return Station(home: home, config: config, store: store, central: central,
                       centralError: problem, hasher: hasher)
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

    /// Copies the central operators (with hashes) into the local cache and notes the
    /// station's contact. Returns how many operators were cached.
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
    }
}
