import Foundation

extension ReportCounterDay {
    /// The counters' time on an office day: staffed from sign-in to sign-out, idle when
    /// staffed, not paused and without a ticket (as `OfficeDay.idleIntervals`), pauses by
    /// reason (as `OfficeDay.pauses`). Open intervals end at the closing, else at `until`
    /// (the report's "now", or the end of the day).
    public static func counters(of officeDay: OfficeDay, until: Date) -> [ReportCounterDay] {
        counters(day: officeDay.day, events: officeDay.events, closedAt: officeDay.closedAt, until: until)
    }

    /// Where a day's open intervals end when the report is made at `now` and the day was not
    /// closed: the end of that day (midnight in Europe/Rome) or `now`, whichever is earlier.
    /// Every backend computes counter days with this end.
    public static func reportEnd(of day: LocalDay, now: Date) -> Date {
        let next = day.addingDays(1)
        let endOfDay = OfficeCalendar.rome.date(from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? now
        return min(now, endOfDay)
    }

    /// The same from the day's counter events (in the order recorded), in one pass per counter.
    public static func counters(day: LocalDay, events: [CounterEvent], closedAt: Date?, until: Date) -> [ReportCounterDay] {
        let end = min(until, closedAt ?? until)
        var byCounter: [Int: [CounterEvent]] = [:]
        for event in events { byCounter[event.counter, default: []].append(event) }
        return byCounter.keys.sorted().map { counter in
            var operators: [String] = []
            var staffed: TimeInterval = 0, idle: TimeInterval = 0
            var signedIn: Date?, idleSince: Date?
            var operatorID: String?, paused: PauseReason?, busy = false
            var pauses: [String: Int] = [:], pauseCount = 0
            var openPause: (PauseReason, Date)?
            for event in byCounter[counter]! {
                switch event.kind {
                case let .signIn(op):
                    if !operators.contains(op) { operators.append(op) }
                    signedIn = event.at
                    operatorID = op; paused = nil; busy = false
                case .signOut:
                    if let start = signedIn { staffed += max(0, event.at.timeIntervalSince(start)) }
                    signedIn = nil
                    operatorID = nil; paused = nil; busy = false
                case let .pauseStart(reason):
                    paused = reason
                    openPause = (reason, event.at)
                case .pauseEnd:
                    paused = nil
                    if let (reason, start) = openPause {
                        pauses[reason.italianText, default: 0] += Int(event.at.timeIntervalSince(start).rounded())
                        pauseCount += 1
                    }
                    openPause = nil
                case .busy: busy = true
                case .free: busy = false
                }
                let idleNow = operatorID != nil && paused == nil && !busy
                if idleNow, idleSince == nil {
                    idleSince = event.at
                } else if !idleNow, let start = idleSince {
                    if event.at > start { idle += max(0, min(event.at, end).timeIntervalSince(start)) }
                    idleSince = nil
                }
            }
            if let start = signedIn, end > start { staffed += end.timeIntervalSince(start) }
            if let start = idleSince, end > start { idle += end.timeIntervalSince(start) }
            if let (reason, start) = openPause, end >= start {
                pauses[reason.italianText, default: 0] += Int(end.timeIntervalSince(start).rounded())
                pauseCount += 1
            }
            return ReportCounterDay(day: day, counter: counter, operators: operators,
                                    staffedSeconds: Int(staffed.rounded()), idleSeconds: Int(idle.rounded()),
                                    pauseSeconds: pauses, pauseCount: pauseCount)
        }
    }
}
