import CruscottoModel
import Foundation

/// A station's clock in a fault run: it starts at a chosen instant (an office morning, so the
/// services are open), moves with real time, and is `offset` seconds away from the others',
/// like a counter whose clock is minutes off.
public struct OffsetClock: Clock {
    public let start: Date
    public let offset: TimeInterval
    private let origin: Date

    public init(start: Date, offset: TimeInterval, origin: Date = Date()) {
        self.start = start
        self.offset = offset
        self.origin = origin
    }

    public func now() -> Date { start.addingTimeInterval(offset + Date().timeIntervalSince(origin)) }
}
