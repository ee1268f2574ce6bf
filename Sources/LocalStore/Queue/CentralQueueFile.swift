import CruscottoModel
import Foundation
import GRDB

/// Opens the queue on the office's embedded central database (`CentralDatabase`: WAL,
/// `synchronous = FULL`, 15 s of short busy waits, `BEGIN IMMEDIATE` writes, its migrations
/// followed by the queue's). A missing file is created with the default office.
public enum CentralQueueFile {
    /// The backend on the central file at `path`.
    public static func openBackend(path: String, clock: any Clock) throws -> SQLiteQueueBackend {
        try SQLiteQueueBackend(central: openCentral(path: path, clock: clock))
    }

    /// The central database at `path`, created with the default office when missing.
    public static func openCentral(path: String, clock: any Clock) throws -> CentralDatabase {
        if SecureFiles.exists(path) {
            return try CentralDatabase.open(at: path, clock: clock)
        }
        return try CentralDatabase.create(at: path, officeName: StationSetup.defaultOfficeName, clock: clock)
    }
}
