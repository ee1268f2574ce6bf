/// Waits of a set of called tickets, in minutes. Percentiles are nearest-rank (the value at
/// rank ⌈p·n⌉ of the sorted waits, like SQL's `percentile_disc`), so a backend can report the
/// same numbers from SQL.
public struct WaitStatistics: Hashable, Codable, Sendable {
    public var count: Int
    public var meanMinutes: Double?
    public var medianMinutes: Double?
    public var p90Minutes: Double?
    public var longestMinutes: Double?
    /// Share of tickets called within the target wait (0…1).
    public var shareWithinTarget: Double?
    public var targetMinutes: Int

    public init(waits: [Double], targetMinutes: Int) {
        let sorted = waits.sorted()
        count = sorted.count
        self.targetMinutes = targetMinutes
        guard !sorted.isEmpty else { return }
        meanMinutes = sorted.reduce(0, +) / Double(sorted.count)
        medianMinutes = Self.percentile(0.5, of: sorted)
        p90Minutes = Self.percentile(0.9, of: sorted)
        longestMinutes = sorted.last
        shareWithinTarget = Double(sorted.filter { $0 <= Double(targetMinutes) }.count) / Double(sorted.count)
    }

    static func percentile(_ p: Double, of sorted: [Double]) -> Double {
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
