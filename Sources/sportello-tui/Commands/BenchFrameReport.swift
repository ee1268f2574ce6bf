import Foundation
import Histogram

/// Percentile lines shared by the engine benchmarks (values recorded in nanoseconds).
enum BenchFrameReport {
    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: 120_000_000_000, numberOfSignificantValueDigits: .three)
    }

    /// "p50 0,123 ms  p90 …  p99 …  max …" in milliseconds with an Italian decimal comma.
    static func line(_ histogram: Histogram<UInt64>) -> String {
        let parts = [("p50", 50.0), ("p90", 90.0), ("p99", 99.0)].map { name, percentile in
            "\(name) \(milliseconds(histogram.valueAtPercentile(percentile)))"
        }
        return (parts + ["max \(milliseconds(histogram.max))"]).joined(separator: "  ") + " ms"
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        String(format: "%.3f", Double(nanoseconds) / 1_000_000).replacingOccurrences(of: ".", with: ",")
    }

    /// Monotonic nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
