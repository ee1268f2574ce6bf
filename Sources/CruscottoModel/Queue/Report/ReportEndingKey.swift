/// A grouping key used while building report facts (how tickets ended).
public struct ReportEndingKey: Hashable, Sendable {
    public var serviceCode: String
    public var state: TicketState
    public var outcome: String?
    public var wasCalled: Bool

    public init(serviceCode: String, state: TicketState, outcome: String?, wasCalled: Bool) {
        self.serviceCode = serviceCode
        self.state = state
        self.outcome = outcome
        self.wasCalled = wasCalled
    }
}
