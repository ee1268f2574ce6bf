import Foundation

/// A range of one prefix's daily sequence that the central side reserved for one station, so
/// that the station can issue tickets while the central database is unreachable. Numbers of a
/// block are never given by the central numbering nor by another station's block.
public struct OfflineTicketBlock: Hashable, Codable, Sendable {
    public var station: String
    public var prefix: String
    public var day: LocalDay
    public var first: Int
    public var last: Int

    public init(station: String, prefix: String, day: LocalDay, first: Int, last: Int) {
        self.station = station
        self.prefix = prefix
        self.day = day
        self.first = first
        self.last = last
    }

    public var count: Int { last - first + 1 }

    public func contains(_ seq: Int) -> Bool { (first...last).contains(seq) }
}
