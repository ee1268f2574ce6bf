import Foundation
import GRDB

/// How a connection to the shared central file waits for the write lock. SQLite's own busy
/// timeout sleeps in growing steps up to 100 ms, so a process that starts waiting while the
/// lock is held a fraction of a millisecond sleeps far longer than the lock is busy and the
/// processes that happen to be awake take it again and again (on these machines one caller
/// in eight waited seconds). This handler retries after short randomized sleeps (50–400 µs)
/// and gives up only after the timeout, so every waiter gets its turn within milliseconds.
public enum CentralBusyWait {
    public static let timeoutSeconds: TimeInterval = 15

    public static func install(on configuration: inout Configuration, timeout: TimeInterval = timeoutSeconds) {
        let started = StartTimes()
        configuration.busyMode = .callback { tries in
            let now = DispatchTime.now().uptimeNanoseconds
            let start = started.start(now: now, firstTry: tries == 0)
            if Double(now - start) / 1e9 >= timeout { return false }
            usleep(UInt32.random(in: 50...400))
            return true
        }
    }

    /// When each thread's current wait began (a pool's connections wait on their own threads).
    private final class StartTimes: @unchecked Sendable {
        private let lock = NSLock()
        private var starts: [UInt64: UInt64] = [:]

        func start(now: UInt64, firstTry: Bool) -> UInt64 {
            var thread: UInt64 = 0
            #if canImport(Glibc)
            thread = UInt64(pthread_self())
            #else
            thread = UInt64(UInt(bitPattern: pthread_self()))
            #endif
            return lock.withLock {
                if firstTry || starts[thread] == nil { starts[thread] = now }
                return starts[thread]!
            }
        }
    }
}
