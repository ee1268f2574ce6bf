/// What the interleave needs to know of a counter's calls today: how many ordinary tickets it
/// called since its last priority ticket. The central side keeps one such value per counter
/// and office day, updated in the claim's transaction.
public struct CounterCallHistory: Hashable, Codable, Sendable {
    /// nil until the counter calls its first priority ticket of the day.
    public private(set) var ordinaryCallsSinceLastPriority: Int?

    public init(ordinaryCallsSinceLastPriority: Int? = nil) {
        self.ordinaryCallsSinceLastPriority = ordinaryCallsSinceLastPriority
    }

    /// A history rebuilt from the counter's calls of the day, oldest first (true = priority).
    public init(calls: [Bool]) {
        self.init()
        for isPriority in calls { record(priority: isPriority) }
    }

    public mutating func record(priority: Bool) {
        if priority {
            ordinaryCallsSinceLastPriority = 0
        } else if let count = ordinaryCallsSinceLastPriority {
            ordinaryCallsSinceLastPriority = count + 1
        }
    }

    /// Whether a waiting priority ticket goes before ordinary ones on the next call: at the
    /// first priority call of the day, and after `interleave − 1` ordinary calls since the last.
    public func priorityDue(interleave: Int) -> Bool {
        guard let count = ordinaryCallsSinceLastPriority else { return true }
        return count >= max(1, interleave) - 1
    }
}
