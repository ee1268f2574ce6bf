// Grouping keys used while building facts from tickets.

struct ReportWaitKey: Hashable {
    var serviceCode: String
    var isPriority: Bool
    var seconds: Int
}

struct ReportArrivalKey: Hashable {
    var day: LocalDay
    var hour: Int
}

struct ReportEndingKey: Hashable {
    var serviceCode: String
    var state: TicketState
    var outcome: String?
    var wasCalled: Bool
}

struct ReportServiceKey: Hashable {
    var serviceCode: String
    var counter: Int
    var operatorID: String?
}
