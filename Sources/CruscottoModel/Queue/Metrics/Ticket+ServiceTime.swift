import Foundation

extension Ticket {
    /// Seconds spent in `serving`, from the history (intervals parked or waiting excluded).
    public var servingSeconds: TimeInterval {
        var total: TimeInterval = 0
        var since: Date?
        for event in history {
            if event.to == .serving, event.from != .serving {
                since = event.at
            } else if event.from == .serving, event.to != .serving, let start = since {
                total += event.at.timeIntervalSince(start)
                since = nil
            }
        }
        return total
    }
}
