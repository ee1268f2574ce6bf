import CruscottoModel
import Foundation

/// A clock the simulation moves: the backend reads it once per operation.
public final class SimulationClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ start: Date) { instant = start }

    public func now() -> Date { lock.withLock { instant } }

    public func set(_ date: Date) { lock.withLock { instant = date } }
}
