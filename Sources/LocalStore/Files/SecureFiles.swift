import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system helpers for data at rest: a station's files hold a town's registry, so
/// directories are 0700 and files 0600. SQLite creates `-wal` and `-shm` with the mode of
/// the database file, so creating the database file 0600 before SQLite opens it is enough.
public enum SecureFiles {
    /// Creates the directory (and missing parents) with mode 0700; an existing one must be
    /// writable.
    public static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.unwritable(path: path, reason: "esiste ma non è una cartella")
            }
        } else {
            // One level at a time with mkdir(2), so the error names the real cause.
            var prefix = path.hasPrefix("/") ? "" : "."
            for component in path.split(separator: "/") {
                prefix += "/" + component
                if exists(prefix) { continue }
                guard mkdir(prefix, 0o700) == 0 || errno == EEXIST else {
                    throw StoreError.unwritable(path: path, reason: describe(errno: errno))
                }
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw StoreError.unwritable(path: path, reason: "permesso negato")
        }
    }

    /// Sets a directory we own to 0700 (a station's home holds only the station's files).
    public static func makePrivate(directory path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid == geteuid() else { return }
        _ = chmod(path, 0o700)
    }

    /// Creates an empty file with mode 0600 if it does not exist.
    public static func createPrivateFile(_ path: String) throws {
        let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.unwritable(path: path, reason: describe(errno: errno))
        }
        _ = fchmod(fd, 0o600)
        close(fd)
    }

    /// The permission bits of a file (nil when it does not exist).
    public static func mode(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Removes a SQLite database with its `-wal`, `-shm` and `-journal` companions.
    public static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Moves a closed SQLite database (and any companion left behind) to a new path.
    public static func moveDatabase(from source: String, to destination: String) throws {
        for suffix in ["-wal", "-shm", "-journal"] where exists(destination + suffix) {
            try FileManager.default.removeItem(atPath: destination + suffix)
        }
        guard rename(source, destination) == 0 else {
            throw StoreError.unwritable(path: destination, reason: describe(errno: errno))
        }
        for suffix in ["-wal", "-shm"] where exists(source + suffix) {
            _ = rename(source + suffix, destination + suffix)
        }
    }

    /// The Italian words for the errors an administrator meets; strerror for the rest.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permesso negato"
        case ENOENT: "percorso inesistente"
        case ENOTDIR: "un elemento del percorso non è una cartella"
        case EROFS: "file system in sola lettura"
        case ENOSPC: "spazio su disco esaurito"
        case EDQUOT: "quota disco superata"
        case EISDIR: "è una cartella"
        default: String(cString: strerror(code))
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError {
            return "permesso negato"
        }
        return nsError.localizedDescription
    }
}
