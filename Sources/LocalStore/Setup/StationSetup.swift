import CruscottoModel
import Foundation

/// `sportello-tui init`: creates a station in its home. Everything is built in a private
/// temporary folder inside the home and moved in place at the end, so a failure leaves
/// nothing half-created (the only write outside it is the station's registration in an
/// existing, shared central database, which is idempotent).
public struct StationSetup: Sendable {
    public var officeName: String?
    public var stationID: String?
    public var kind: StationKind
    public var counter: Int?
    /// Nil: `HOME/central.sqlite` (created if missing).
    public var central: CentralLocation?
    public var force: Bool
    public var idleLockMinutes: Int

    public static let defaultOfficeName = "Sportello del Cittadino"

    public init(officeName: String? = nil, stationID: String? = nil, kind: StationKind = .counter,
                counter: Int? = nil, central: CentralLocation? = nil, force: Bool = false,
                idleLockMinutes: Int = StationConfig.defaultIdleLockMinutes) {
        self.officeName = officeName
        self.stationID = stationID
        self.kind = kind
        self.counter = counter
        self.central = central
        self.force = force
        self.idleLockMinutes = idleLockMinutes
    }

    /// What `run` did, for the command's summary.
    public struct Outcome: Sendable {
        public let config: StationConfig
        public let createdCentral: Bool
        public let cachedOperators: Int
    }

    /// `run`, after reading the office and its operators from a PostgreSQL central database
    /// (and saying hello with the station's kind); on the embedded file, `run` as is. An
    /// unusable URL, a refused password or an unreachable server is thrown before anything is
    /// written in the home.
    public func runConnected(in home: StationHome, clock: any Clock = SystemClock(),
                             environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Outcome {
        guard case .postgresql(let text)? = central else { return try run(in: home, clock: clock) }
        if home.isInitialized && !force { throw StoreError.alreadyInitialized(home: home.path) }
        let reference: CentralReference
        do throws(PostgresCentralError) {
            let url = try PostgresCentralURL(parsing: text, environment: environment)
            let connection = try await PostgresCentral.connect(url, maximumConnections: 1)
            defer { connection.shutdown() }
            reference = try await connection.reference()
            try await connection.hello(kind: kind, program: "sportello-tui", at: clock.now())
        } catch {
            throw StoreError.postgres(error)
        }
        return try run(in: home, clock: clock, reference: reference)
    }

    /// Creates the station. `reference`: the office and operators of a PostgreSQL central
    /// database, required when `central` is one (see `runConnected`).
    public func run(in home: StationHome, clock: any Clock = SystemClock(), reference: CentralReference? = nil) throws -> Outcome {
        try SecureFiles.makeDirectory(home.path)
        SecureFiles.makePrivate(directory: home.path)
        if home.isInitialized && !force { throw StoreError.alreadyInitialized(home: home.path) }
        // Replacing a station that an interactive session is using would pull its store away.
        let lock = home.isInitialized ? try StationLock.acquire(home) : nil
        defer { lock?.release() }

        let counter = try validatedCounter()
        let stationID = stationID ?? (counter.map { "sportello-\($0)" } ?? kind.rawValue)
        guard StationConfig.isValidStationID(stationID) else {
            throw StoreError.invalid("identificativo di stazione '\(stationID)' non valido: da 1 a 32 caratteri tra minuscole, cifre, '-', '_', '.'")
        }
        guard StationConfig.idleLockRange.contains(idleLockMinutes) else {
            throw StoreError.invalid("minuti di blocco per inattività fuori intervallo (\(StationConfig.idleLockRange))")
        }
        let location = central ?? .sqlite(path: home.defaultCentralPath)
        // On PostgreSQL the office and its operators come from `reference`, read before
        // (`runConnected`); nothing else is written on the central side here.
        let centralPath: String?
        switch location {
        case .sqlite(let path): centralPath = path
        case .postgresql:
            guard reference != nil else {
                throw StoreError.invalid("database centrale PostgreSQL: i dati di riferimento non sono stati letti")
            }
            centralPath = nil
        }
        let officeName = self.officeName?.trimmingCharacters(in: .whitespaces)
        if officeName?.isEmpty == true {
            throw StoreError.invalid("il nome dell'ufficio non può essere vuoto")
        }

        let staging = home.path + "/.init-" + UUID().uuidString.prefix(8).lowercased()
        try SecureFiles.makeDirectory(staging)
        let centralIsNew = centralPath.map { !SecureFiles.exists($0) } ?? false
        let stagedCentral = (centralPath ?? staging + "/central") + ".init-" + UUID().uuidString.prefix(8).lowercased()
        var committed = false
        defer {
            if !committed {
                try? FileManager.default.removeItem(atPath: staging)
                if centralIsNew { SecureFiles.removeDatabase(stagedCentral) }
            }
        }

        var centralDB: CentralDatabase?
        if let centralPath {
            if centralIsNew {
                centralDB = try CentralDatabase.create(at: stagedCentral, officeName: officeName ?? Self.defaultOfficeName, clock: clock)
            } else {
                centralDB = try CentralDatabase.open(at: centralPath, clock: clock)
            }
        }
        let office = try officeName ?? centralDB?.office()?.name ?? reference?.officeName ?? Self.defaultOfficeName
        let config = StationConfig(officeName: office, stationID: stationID, kind: kind, counter: counter,
                                   central: location, idleLockMinutes: idleLockMinutes)
        // A file init writes must read back as the same configuration.
        guard try StationConfig.parse(config.tomlText, path: home.configPath) == config else {
            throw StoreError.invalid("configurazione non rappresentabile in sportello.toml")
        }

        let store = try AppDatabase.create(at: staging + "/store.sqlite", clock: clock)
        try store.saveStationIdentity(config)
        let operators = try centralDB?.operatorsForCache() ?? reference?.operators ?? []
        try store.replaceOperatorCache(with: operators)
        try centralDB?.registerStation(config)
        try store.close()
        try centralDB?.close()

        let stagedConfig = staging + "/sportello.toml"
        try SecureFiles.createPrivateFile(stagedConfig)
        do {
            try Data(config.tomlText.utf8).write(to: URL(fileURLWithPath: stagedConfig))
        } catch {
            throw StoreError.unwritable(path: stagedConfig, reason: SecureFiles.reason(error))
        }

        // Commit. With --force the old files are first set aside in the staging folder; if
        // any move fails they are put back, so the previous station survives a failed init.
        let previousStore = staging + "/previous-store.sqlite"
        let previousConfig = staging + "/previous-sportello.toml"
        var setAside: (store: Bool, config: Bool) = (false, false)
        var installed: (store: Bool, config: Bool) = (false, false)
        do {
            if SecureFiles.exists(home.storePath) {
                try SecureFiles.moveDatabase(from: home.storePath, to: previousStore)
                setAside.store = true
            }
            if SecureFiles.exists(home.configPath) {
                try Self.rename(home.configPath, to: previousConfig)
                setAside.config = true
            }
            try SecureFiles.moveDatabase(from: staging + "/store.sqlite", to: home.storePath)
            installed.store = true
            try Self.rename(stagedConfig, to: home.configPath)
            installed.config = true
            if centralIsNew, let centralPath { try SecureFiles.moveDatabase(from: stagedCentral, to: centralPath) }
        } catch {
            if installed.config { try? FileManager.default.removeItem(atPath: home.configPath) }
            if installed.store { SecureFiles.removeDatabase(home.storePath) }
            if setAside.store { try? SecureFiles.moveDatabase(from: previousStore, to: home.storePath) }
            if setAside.config { try? Self.rename(previousConfig, to: home.configPath) }
            throw error
        }
        committed = true
        try? FileManager.default.removeItem(atPath: staging)
        return Outcome(config: config, createdCentral: centralIsNew, cachedOperators: operators.count)
    }

    private static func rename(_ source: String, to destination: String) throws {
        guard Foundation.rename(source, destination) == 0 else {
            throw StoreError.unwritable(path: destination, reason: SecureFiles.describe(errno: errno))
        }
    }

    private func validatedCounter() throws -> Int? {
        if kind.needsCounter {
            let number = counter ?? 1
            guard StationConfig.counterRange.contains(number) else {
                throw StoreError.invalid("numero di sportello fuori intervallo (\(StationConfig.counterRange.lowerBound)–\(StationConfig.counterRange.upperBound))")
            }
            return number
        }
        guard counter == nil else {
            throw StoreError.invalid("--counter vale solo per le stazioni 'counter' e 'cie'")
        }
        return nil
    }
}
