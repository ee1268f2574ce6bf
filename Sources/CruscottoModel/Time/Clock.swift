import Foundation

/// The source of "now". Domain code never reads the system clock itself: callers pass a
/// clock (or a date) in, so tests and simulations can run a day in seconds.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant (tests, golden screens).
public struct FixedClock: Clock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
