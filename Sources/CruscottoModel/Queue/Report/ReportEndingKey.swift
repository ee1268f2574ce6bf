/// A grouping key used while building report facts from tickets.
struct ReportEndingKey: Hashable {
    var serviceCode: String
    var state: TicketState
    var outcome: String?
    var wasCalled: Bool
}
