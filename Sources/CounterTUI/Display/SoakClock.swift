import CruscottoModel
import Foundation

/// The injected clock of soaks and benchmarks: moved by hand, so a day of calls runs in
/// seconds.
public final class SoakClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ instant: Date) { self.instant = instant }

    public func now() -> Date { lock.withLock { instant } }
    public func advance(seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}
