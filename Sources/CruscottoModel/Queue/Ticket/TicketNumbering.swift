/// Daily numbering per prefix: each (prefix, office day) has its own sequence from 1, and a
/// number once given is never given again, even after the ticket is cancelled.
///
/// The central side owns this value (one row per key, updated in the issuing transaction).
/// Extension point: offline stations will draw numbers from a block reserved per station
/// (a range of the same sequence handed out by the central side); the block is a second
/// source of `TicketNumber`s for the same key, and `next` will skip reserved ranges.
public struct TicketNumbering: Hashable, Codable, Sendable {
    public struct Key: Hashable, Codable, Sendable {
        public let prefix: String
        public let day: LocalDay
        public init(prefix: String, day: LocalDay) {
            self.prefix = prefix
            self.day = day
        }
    }

    /// Last sequence given per key.
    public private(set) var last: [Key: Int] = [:]

    public init() {}

    public func lastIssued(prefix: String, day: LocalDay) -> Int {
        last[Key(prefix: prefix, day: day)] ?? 0
    }

    public mutating func next(prefix: String, day: LocalDay) -> TicketNumber {
        let key = Key(prefix: prefix, day: day)
        let seq = (last[key] ?? 0) + 1
        last[key] = seq
        return TicketNumber(prefix: prefix, seq: seq)
    }
}
