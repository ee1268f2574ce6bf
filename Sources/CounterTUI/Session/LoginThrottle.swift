/// Slows down repeated failed attempts at one screen: from the third consecutive failure each
/// new check waits a little longer before it runs (capped), so guessing is slow while an
/// operator who mistyped twice is not held up.
public struct LoginThrottle: Hashable, Sendable {
    public static let freeAttempts = 3
    public static let stepSeconds = 2
    public static let maximumSeconds = 10

    public private(set) var consecutiveFailures = 0

    public init() {}

    /// Seconds the next check waits before it runs.
    public var delayBeforeNextAttempt: Int {
        guard consecutiveFailures >= Self.freeAttempts else { return 0 }
        return min(Self.maximumSeconds, Self.stepSeconds * (consecutiveFailures - Self.freeAttempts + 1))
    }

    public mutating func recordFailure() { consecutiveFailures += 1 }
    public mutating func reset() { consecutiveFailures = 0 }
}
