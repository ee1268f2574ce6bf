extension SeededGenerator {
    /// An element chosen by the generator (nil for an empty list); the demo data draws its
    /// people with it, so the same seed gives the same demo on every machine.
    public mutating func pick<T>(_ items: [T]) -> T? {
        guard !items.isEmpty else { return nil }
        return items[Int(next() % UInt64(items.count))]
    }
}
