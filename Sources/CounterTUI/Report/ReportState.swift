import CruscottoModel
import Foundation

/// The report screen's state: the report shown (nil while loading), the page and the scroll.
public struct ReportState: Sendable {
    public var size: TerminalSize
    public var report: QueueReport?
    public var page = 0
    public var scroll = 0
    public var showingHelp = false
    public var loading = false
    public var message: StatusMessage?

    public init(size: TerminalSize, report: QueueReport? = nil) {
        self.size = size
        self.report = report
    }
}
