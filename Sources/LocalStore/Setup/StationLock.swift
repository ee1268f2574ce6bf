import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a station's home, held by whoever must be alone there: an
/// interactive session (cruscotto, totem, display) for its whole life, and `restore` while
/// it replaces the store. The kernel releases it when the process ends, even on a crash.
public final class StationLock: @unchecked Sendable {
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Takes the lock or throws `StoreError.stationBusy` at once (never waits).
    public static func acquire(_ home: StationHome) throws -> StationLock {
        let fd = open(home.lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.unwritable(path: home.lockPath, reason: SecureFiles.describe(errno: errno))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError.stationBusy(home: home.path)
        }
        return StationLock(descriptor: fd)
    }

    /// Releases the lock (also done on deinit).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
