import Foundation

extension ReportCounterDay {
    /// The counters' time on an office day: staffed from sign-in to sign-out, idle when
    /// staffed, not paused and without a ticket, pauses by reason. Open intervals end at the
    /// closing, else at `until` (the report's "now", or the end of the day).
    public static func counters(of officeDay: OfficeDay, until: Date) -> [ReportCounterDay] {
        let end = min(until, officeDay.closedAt ?? until)
        let numbers = Set(officeDay.events.map(\.counter)).sorted()
        return numbers.map { counter in
            var operators: [String] = []
            var staffed: TimeInterval = 0
            var since: Date?
            for event in officeDay.events where event.counter == counter {
                switch event.kind {
                case let .signIn(op):
                    if !operators.contains(op) { operators.append(op) }
                    since = event.at
                case .signOut:
                    if let start = since { staffed += max(0, event.at.timeIntervalSince(start)) }
                    since = nil
                default:
                    break
                }
            }
            if let start = since, end > start { staffed += end.timeIntervalSince(start) }
            var paused: [String: Int] = [:]
            let pauses = officeDay.pauses(counter: counter, until: end)
            for pause in pauses {
                paused[pause.reason.italianText, default: 0] += Int(pause.interval.duration.rounded())
            }
            return ReportCounterDay(
                day: officeDay.day, counter: counter, operators: operators,
                staffedSeconds: Int(staffed.rounded()),
                idleSeconds: Int(officeDay.idleSeconds(counter: counter, until: end).rounded()),
                pauseSeconds: paused, pauseCount: pauses.count)
        }
    }
}
