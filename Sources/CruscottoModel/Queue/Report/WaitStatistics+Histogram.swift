extension WaitStatistics {
    /// The same statistics as `init(waits:targetMinutes:)` from counts of waits in whole
    /// seconds (what the store's SQL returns), without expanding them: nearest-rank
    /// percentiles over the cumulative counts.
    public init(secondsHistogram: [Int: Int], targetMinutes: Int) {
        let entries = secondsHistogram.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        let total = entries.reduce(0) { $0 + $1.value }
        if total == 0 {
            self.init(waits: [], targetMinutes: targetMinutes)
            return
        }
        func at(rank: Int) -> Double {
            var seen = 0
            for (seconds, count) in entries {
                seen += count
                if seen >= rank { return Double(seconds) / 60 }
            }
            return Double(entries.last!.key) / 60
        }
        func rank(_ p: Double) -> Int { min(total, max(1, Int((p * Double(total)).rounded(.up)))) }
        let sum = entries.reduce(0) { $0 + $1.key * $1.value }
        let within = entries.filter { $0.key <= targetMinutes * 60 }.reduce(0) { $0 + $1.value }
        self.init(waits: [], targetMinutes: targetMinutes)
        count = total
        meanMinutes = Double(sum) / Double(total) / 60
        medianMinutes = at(rank: rank(0.5))
        p90Minutes = at(rank: rank(0.9))
        longestMinutes = Double(entries.last!.key) / 60
        shareWithinTarget = Double(within) / Double(total)
    }
}
