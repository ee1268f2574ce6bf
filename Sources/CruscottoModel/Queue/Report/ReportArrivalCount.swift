/// Tickets issued on a local day in one hour slot (Europe/Rome hour of arrival).
public struct ReportArrivalCount: Hashable, Sendable {
    public var day: LocalDay
    public var hour: Int
    public var count: Int

    public init(day: LocalDay, hour: Int, count: Int) {
        self.day = day
        self.hour = hour
        self.count = count
    }
}
