/// Arrivals in one hour slot (Europe/Rome), in all and on average per day with tickets.
public struct ReportHourSlot: Hashable, Codable, Sendable {
    public var hour: Int
    public var tickets: Int
    public var perDay: Double
}
