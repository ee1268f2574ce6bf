import CruscottoModel
import Foundation

/// A ticket called (or called again) to a counter, as the waiting room sees it.
public struct CallAnnouncement: Hashable, Sendable {
    public var number: String
    public var counter: Int
    public var serviceCode: String
    public var at: Date
    public var isRecall: Bool
    /// The change-log position it came from (orders calls made within the same second).
    public var position: Int64

    public init(number: String, counter: Int, serviceCode: String, at: Date, isRecall: Bool, position: Int64) {
        self.number = number
        self.counter = counter
        self.serviceCode = serviceCode
        self.at = at
        self.isRecall = isRecall
        self.position = position
    }

    /// The call a change announces, nil for any other change.
    init?(change: QueueChange) {
        guard change.kind == "call" || change.kind == "recall", let counter = change.ticket.counter else { return nil }
        self.init(number: change.ticket.number.display, counter: counter, serviceCode: change.ticket.serviceCode,
                  at: change.at, isRecall: change.kind == "recall", position: change.position)
    }
}
