/// A grouping key used while building report facts from tickets.
struct ReportServiceKey: Hashable {
    var serviceCode: String
    var counter: Int
    var operatorID: String?
}
