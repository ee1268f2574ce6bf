/// Sums over the called tickets of a service that carry the estimate given at issue:
/// error = real wait − estimate, in seconds.
public struct ReportEstimateSum: Hashable, Sendable {
    public var serviceCode: String
    public var count: Int
    public var errorSeconds: Int
    public var absoluteErrorSeconds: Int
    /// Tickets called no later than five minutes after the estimate.
    public var withinFiveMinutes: Int

    public init(serviceCode: String, count: Int, errorSeconds: Int, absoluteErrorSeconds: Int, withinFiveMinutes: Int) {
        self.serviceCode = serviceCode
        self.count = count
        self.errorSeconds = errorSeconds
        self.absoluteErrorSeconds = absoluteErrorSeconds
        self.withinFiveMinutes = withinFiveMinutes
    }
}
