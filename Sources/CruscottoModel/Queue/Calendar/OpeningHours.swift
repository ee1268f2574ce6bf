import Foundation

/// Weekly opening hours in Europe/Rome local time. A weekday without intervals is closed.
/// Encoded as `{"mon": ["08:30-12:30"], "thu": ["08:30-12:30", "14:30-17:00"]}`.
public struct OpeningHours: Hashable, Codable, Sendable {
    public private(set) var days: [Weekday: [OpeningInterval]]

    public init(_ days: [Weekday: [OpeningInterval]] = [:]) {
        self.days = days.compactMapValues { $0.isEmpty ? nil : $0.sorted() }
    }

    /// The same intervals on each of `weekdays`.
    public init(_ weekdays: [Weekday], _ intervals: [OpeningInterval]) {
        self.init(Dictionary(uniqueKeysWithValues: weekdays.map { ($0, intervals) }))
    }

    public static let mondayToFriday: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    public func intervals(on weekday: Weekday) -> [OpeningInterval] { days[weekday] ?? [] }

    /// Adds intervals on a weekday (keeps them sorted).
    public mutating func add(_ intervals: [OpeningInterval], on weekday: Weekday) {
        days[weekday] = (self.intervals(on: weekday) + intervals).sorted()
    }

    public var isNeverOpen: Bool { days.isEmpty }

    public func isOpen(at instant: Date) -> Bool {
        let local = OfficeCalendar.localTime(of: instant)
        return intervals(on: local.weekday).contains { $0.contains(minute: local.minute) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: [OpeningInterval]].self)
        var days: [Weekday: [OpeningInterval]] = [:]
        for (key, intervals) in raw {
            guard let weekday = Weekday(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Giorno della settimana sconosciuto: \(key)")
            }
            days[weekday] = intervals
        }
        self.init(days)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: days.map { ($0.key.rawValue, $0.value) }))
    }
}
