import CruscottoModel
import Foundation
import GRDB

/// `backup` and `restore`. A backup is made with SQLite's online backup from a read
/// snapshot, so it is consistent while stations keep writing. The local store goes to the
/// destination file; the embedded central database, when it lives in the home (a
/// single-host office), goes beside it as `FILE.central`. A central database elsewhere is
/// shared with other homes and is backed up from the home that holds it.
public enum StationBackup {
    public static let centralSuffix = ".central"
    public static let previousSuffix = ".before-restore"

    /// Writes the backup; returns the files written.
    @discardableResult
    public static func backup(home: StationHome, to destination: String) throws -> [String] {
        let config = try StationConfig.load(from: home)
        let store = try AppDatabase.open(at: home.storePath)
        defer { try? store.close() }
        var written: [String] = []
        var targets: [(any DatabaseReader, String)] = [(store.reader, destination)]
        var central: CentralDatabase?
        if case .sqlite(let path) = config.central, home.contains(path), SecureFiles.exists(path) {
            central = try CentralDatabase.open(at: path)
            targets.append((central!.reader, destination + centralSuffix))
        }
        defer { try? central?.close() }
        for (_, path) in targets where SecureFiles.exists(path) {
            throw StoreError.invalid("\(path) esiste già: scegliere un altro file")
        }
        do {
            for (reader, path) in targets {
                try copy(reader, to: path)
                written.append(path)
            }
        } catch {
            for path in written { SecureFiles.removeDatabase(path) }
            throw error
        }
        return written
    }

    /// Replaces the local store (and, with `includeCentral`, the embedded central database
    /// in the home) with a backup. Refused while an interactive session holds the home, for
    /// a file that is not a store, for a newer schema, and for another station's backup.
    /// The copy goes into the live database in one SQLite transaction: on failure the old
    /// content stays; the old store is also kept as `store.sqlite.before-restore`.
    public static func restore(home: StationHome, from source: String, includeCentral: Bool) throws {
        let config = try StationConfig.load(from: home)
        guard SecureFiles.exists(source) else { throw StoreError.missing(path: source) }
        guard case .store = try AppDatabase.identity.inspect(path: source) else {
            throw StoreError.foreignDatabase(path: source, expected: AppDatabase.identity.name)
        }
        let backupStation = try readOnly(source) { db in try String.fetchOne(db, sql: "SELECT id FROM station LIMIT 1") }
        guard backupStation == config.stationID else {
            throw StoreError.stationMismatch(backup: backupStation ?? "?", configured: config.stationID)
        }
        var centralSource: String?
        var centralTarget: String?
        if includeCentral {
            guard case .sqlite(let path) = config.central, home.contains(path) else {
                throw StoreError.invalid("il database centrale di questa stazione non è nella sua cartella: ripristinarlo dalla stazione che lo ospita")
            }
            let file = source + centralSuffix
            guard SecureFiles.exists(file) else { throw StoreError.missing(path: file) }
            guard case .store = try CentralDatabase.identity.inspect(path: file) else {
                throw StoreError.foreignDatabase(path: file, expected: CentralDatabase.identity.name)
            }
            centralSource = file
            centralTarget = path
        }

        let lock = try StationLock.acquire(home)
        defer { lock.release() }

        if SecureFiles.exists(home.storePath) {
            let previous = home.storePath + previousSuffix
            SecureFiles.removeDatabase(previous)
            let current = try AppDatabase.open(at: home.storePath)
            try copy(current.reader, to: previous)
            try copy(fromFile: source, into: current.writer)
            try current.close()
        } else {
            try SecureFiles.createPrivateFile(home.storePath)
            let pool = try AppDatabase.makePool(home.storePath)
            try copy(fromFile: source, into: pool)
            try pool.close()
        }
        // Reopening runs the migrations a backup from an older program needs.
        try AppDatabase.open(at: home.storePath).close()

        if let centralSource, let centralTarget {
            if !SecureFiles.exists(centralTarget) { try SecureFiles.createPrivateFile(centralTarget) }
            else { _ = try CentralDatabase.identity.inspect(path: centralTarget) }
            let pool = try CentralDatabase.makePool(centralTarget)
            try copy(fromFile: centralSource, into: pool)
            try pool.close()
            try CentralDatabase.open(at: centralTarget).close()
        }
    }

    /// Online backup of a database into a new private file, moved in place when complete.
    static func copy(_ reader: any DatabaseReader, to destination: String) throws {
        let staging = destination + ".tmp-" + UUID().uuidString.prefix(8).lowercased()
        do {
            try SecureFiles.createPrivateFile(staging)
            let target = try DatabaseQueue(path: staging)
            try reader.backup(to: target)
            try target.close()
            try SecureFiles.moveDatabase(from: staging, to: destination)
        } catch let error as DatabaseError {
            SecureFiles.removeDatabase(staging)
            throw StoreError.unwritable(path: destination, reason: error.message ?? "\(error.resultCode)")
        } catch {
            SecureFiles.removeDatabase(staging)
            throw error
        }
    }

    private static func copy(fromFile source: String, into writer: any DatabaseWriter) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: source, configuration: configuration)
        defer { try? reader.close() }
        do {
            try reader.backup(to: writer)
        } catch let error as DatabaseError {
            throw StoreError.unwritable(path: source, reason: error.message ?? "\(error.resultCode)")
        }
    }

    private static func readOnly<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }
}
