/// A grouping key used while building report facts (arrivals per day and hour).
public struct ReportArrivalKey: Hashable, Sendable {
    public var day: LocalDay
    public var hour: Int

    public init(day: LocalDay, hour: Int) {
        self.day = day
        self.hour = hour
    }
}
