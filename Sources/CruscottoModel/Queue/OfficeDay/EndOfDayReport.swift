import Foundation

/// What closing the office did to the tickets still in the queue.
public struct EndOfDayReport: Hashable, Codable, Sendable {
    public var day: LocalDay
    public var closedAt: Date
    /// Tickets closed as "chiuso a fine giornata", per service code.
    public var closedByService: [String: Int]
    /// Numbers still called or in service at a counter (left to their operators).
    public var stillAtCounters: [String]

    public init(day: LocalDay, closedAt: Date, closedByService: [String: Int], stillAtCounters: [String]) {
        self.day = day
        self.closedAt = closedAt
        self.closedByService = closedByService
        self.stillAtCounters = stillAtCounters
    }

    public var closedCount: Int { closedByService.values.reduce(0, +) }
}
