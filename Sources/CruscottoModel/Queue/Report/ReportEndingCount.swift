/// Tickets of a service of issue that are now in `state` with `outcome` (nil while open).
public struct ReportEndingCount: Hashable, Sendable {
    public var serviceCode: String
    public var state: TicketState
    public var outcome: String?
    /// Whether these tickets were ever called.
    public var wasCalled: Bool
    public var count: Int

    public init(serviceCode: String, state: TicketState, outcome: String?, wasCalled: Bool, count: Int) {
        self.serviceCode = serviceCode
        self.state = state
        self.outcome = outcome
        self.wasCalled = wasCalled
        self.count = count
    }
}
