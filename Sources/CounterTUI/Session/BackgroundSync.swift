/// What one background sync tells the header: open dead letters ("sync bloccata (N)"),
/// events still waiting in the outbox, and whether the central database answered (nil when
/// the station has none).
public struct BackgroundSync: Hashable, Sendable {
    public var deadLetters: Int
    public var waiting: Int
    public var reachedCentral: Bool?

    public init(deadLetters: Int, waiting: Int = 0, reachedCentral: Bool? = nil) {
        self.deadLetters = deadLetters
        self.waiting = waiting
        self.reachedCentral = reachedCentral
    }
}
