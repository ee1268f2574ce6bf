/// How the estimates given at issue compared with the real waits (error = real − estimate).
public struct ReportEstimate: Hashable, Codable, Sendable {
    /// Called tickets that carry an estimate.
    public var count: Int
    /// Positive: citizens waited longer than they were told.
    public var meanErrorMinutes: Double
    public var meanAbsoluteErrorMinutes: Double
    /// Share called no later than five minutes after the estimate.
    public var withinFiveMinutesShare: Double

    init?(_ sums: [ReportEstimateSum]) {
        let count = sums.reduce(0) { $0 + $1.count }
        guard count > 0 else { return nil }
        let n = Double(count)
        self.count = count
        meanErrorMinutes = Double(sums.reduce(0) { $0 + $1.errorSeconds }) / n / 60
        meanAbsoluteErrorMinutes = Double(sums.reduce(0) { $0 + $1.absoluteErrorSeconds }) / n / 60
        withinFiveMinutesShare = Double(sums.reduce(0) { $0 + $1.withinFiveMinutes }) / n
    }
}
