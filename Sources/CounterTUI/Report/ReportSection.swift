/// One page of the report: a title and its lines (plain text, already laid out).
public struct ReportSection: Hashable, Sendable {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}
