/// A grouping key used while building report facts from tickets.
struct ReportArrivalKey: Hashable {
    var day: LocalDay
    var hour: Int
}
