/// Arrivals on one day of the week: days with tickets, tickets, mean per such day.
public struct ReportWeekdayLine: Hashable, Codable, Sendable {
    public var weekday: Weekday
    public var name: String
    public var days: Int
    public var tickets: Int
    public var perDay: Double
}
