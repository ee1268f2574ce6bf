import CounterTUI
import Foundation

/// Monday 30 November 2026 at 10:42 in Rome, advancing with the real time elapsed (services
/// stay open whatever the hour the benchmark runs at).
struct BenchDisplayMorningClock: StationClock {
    static let base = Date(timeIntervalSince1970: 1_796_031_720)
    static let started = Date()
    func now() -> Date { Self.base.addingTimeInterval(Date().timeIntervalSince(Self.started)) }

    /// Wall-clock nanoseconds (CLOCK_REALTIME), comparable between processes.
    static func wallNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
