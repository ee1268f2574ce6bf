/// How many called tickets of a service (and priority class) waited exactly `seconds`
/// between arrival and first call.
public struct ReportWaitCount: Hashable, Sendable {
    public var serviceCode: String
    public var isPriority: Bool
    public var seconds: Int
    public var count: Int

    public init(serviceCode: String, isPriority: Bool, seconds: Int, count: Int) {
        self.serviceCode = serviceCode
        self.isPriority = isPriority
        self.seconds = seconds
        self.count = count
    }
}
