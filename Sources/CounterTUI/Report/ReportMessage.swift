import CruscottoModel
import Foundation

/// Results of the report screen's effects.
public enum ReportMessage: Sendable {
    case loaded(QueueReport)
    case failed(String)
}
