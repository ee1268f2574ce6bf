/// A grouping key used while building report facts from tickets.
struct ReportWaitKey: Hashable {
    var serviceCode: String
    var isPriority: Bool
    var seconds: Int
}
