import Foundation

/// One office day: opening and closing, who sits at which counter, pauses (a locked screen is
/// an automatic pause), and the counters' busy/free changes from which idle time is computed.
public struct OfficeDay: Hashable, Codable, Sendable {
    public let day: LocalDay
    public private(set) var openedAt: Date?
    public private(set) var closedAt: Date?
    /// Chronological per counter.
    public private(set) var events: [CounterEvent] = []

    public init(day: LocalDay) { self.day = day }

    public var isOpen: Bool { openedAt != nil && closedAt == nil }

    public mutating func open(at now: Date) throws(OfficeDayError) {
        try checkDay(now)
        if closedAt != nil { throw .alreadyClosed(day: day) }
        if openedAt != nil { throw .alreadyOpen(day: day) }
        openedAt = now
    }

    /// Closes the office: ends pauses and signs every operator out at `now`.
    public mutating func close(at now: Date) throws(OfficeDayError) {
        guard isOpen else { throw closedAt != nil ? .alreadyClosed(day: day) : .notOpen(day: day) }
        for counter in Set(events.map(\.counter)).sorted() {
            let state = status(of: counter)
            if state.operatorID != nil {
                if state.paused != nil { events.append(CounterEvent(counter: counter, at: now, kind: .pauseEnd)) }
                if state.busy { events.append(CounterEvent(counter: counter, at: now, kind: .free)) }
                events.append(CounterEvent(counter: counter, at: now, kind: .signOut))
            }
        }
        closedAt = now
    }

    public mutating func signIn(counter: Int, operatorID: String, at now: Date) throws(OfficeDayError) {
        try checkOpen(now, counter: counter)
        if let present = status(of: counter).operatorID { throw .counterTaken(counter: counter, operatorID: present) }
        if let other = counterOf(operatorID: operatorID) { throw .operatorElsewhere(operatorID: operatorID, counter: other) }
        events.append(CounterEvent(counter: counter, at: now, kind: .signIn(operatorID: operatorID)))
    }

    public mutating func signOut(counter: Int, at now: Date) throws(OfficeDayError) {
        try checkOpen(now, counter: counter)
        let state = status(of: counter)
        guard state.operatorID != nil else { throw .counterNotStaffed(counter: counter) }
        if state.busy { throw .alreadyBusy(counter: counter) }
        if state.paused != nil { events.append(CounterEvent(counter: counter, at: now, kind: .pauseEnd)) }
        events.append(CounterEvent(counter: counter, at: now, kind: .signOut))
    }

    public mutating func startPause(counter: Int, reason: PauseReason, at now: Date) throws(OfficeDayError) {
        try checkOpen(now, counter: counter)
        let state = status(of: counter)
        guard state.operatorID != nil else { throw .counterNotStaffed(counter: counter) }
        if let paused = state.paused { throw .alreadyPaused(counter: counter, reason: paused.italianText) }
        events.append(CounterEvent(counter: counter, at: now, kind: .pauseStart(reason)))
    }

    public mutating func endPause(counter: Int, at now: Date) throws(OfficeDayError) {
        try checkOpen(now, counter: counter)
        guard status(of: counter).paused != nil else { throw .notPaused(counter: counter) }
        events.append(CounterEvent(counter: counter, at: now, kind: .pauseEnd))
    }

    /// The counter called a ticket.
    public mutating func ticketTaken(counter: Int, ticketID: Int64, at now: Date) throws(OfficeDayError) {
        try checkOpen(now, counter: counter)
        let state = status(of: counter)
        guard state.operatorID != nil else { throw .counterNotStaffed(counter: counter) }
        if state.busy { throw .alreadyBusy(counter: counter) }
        events.append(CounterEvent(counter: counter, at: now, kind: .busy(ticketID: ticketID)))
    }

    /// The counter's ticket left it (closed, parked, transferred, no-show, cancelled).
    public mutating func ticketReleased(counter: Int, at now: Date) throws(OfficeDayError) {
        try checkOpen(now, counter: counter)
        guard status(of: counter).busy else { throw .notBusy(counter: counter) }
        events.append(CounterEvent(counter: counter, at: now, kind: .free))
    }

    public func operatorAt(counter: Int) -> String? { status(of: counter).operatorID }

    public func counterOf(operatorID: String) -> Int? {
        Set(events.map(\.counter)).sorted().first { status(of: $0).operatorID == operatorID }
    }

    /// What the counter is doing now (after its last event).
    public func activity(of counter: Int) -> CounterActivity {
        let state = status(of: counter)
        guard let op = state.operatorID else { return .closed }
        if let reason = state.paused { return .paused(operatorID: op, reason: reason, since: state.since) }
        if state.busy { return .busy(operatorID: op, since: state.since) }
        return .idle(operatorID: op, since: state.since)
    }

    /// Intervals in which the counter was open, not paused and without a ticket, up to
    /// `until` (or the closing time, whichever is earlier).
    public func idleIntervals(counter: Int, until: Date) -> [DateInterval] {
        let end = min(until, closedAt ?? until)
        var intervals: [DateInterval] = []
        var state = Status()
        var idleSince: Date?
        for event in events where event.counter == counter {
            state.apply(event)
            let idleNow = state.operatorID != nil && state.paused == nil && !state.busy
            if idleNow, idleSince == nil {
                idleSince = event.at
            } else if !idleNow, let start = idleSince {
                if event.at > start { intervals.append(DateInterval(start: start, end: min(event.at, end))) }
                idleSince = nil
            }
        }
        if let start = idleSince, end > start { intervals.append(DateInterval(start: start, end: end)) }
        return intervals.filter { $0.duration > 0 }
    }

    public func idleSeconds(counter: Int, until: Date) -> TimeInterval {
        idleIntervals(counter: counter, until: until).reduce(0) { $0 + $1.duration }
    }

    /// Pauses of the counter with their reasons (an open pause ends at `until`).
    public func pauses(counter: Int, until: Date) -> [(reason: PauseReason, interval: DateInterval)] {
        let end = min(until, closedAt ?? until)
        var result: [(PauseReason, DateInterval)] = []
        var open: (PauseReason, Date)?
        for event in events where event.counter == counter {
            switch event.kind {
            case let .pauseStart(reason): open = (reason, event.at)
            case .pauseEnd:
                if let (reason, start) = open { result.append((reason, DateInterval(start: start, end: event.at))) }
                open = nil
            default: break
            }
        }
        if let (reason, start) = open, end >= start { result.append((reason, DateInterval(start: start, end: end))) }
        return result
    }

    // MARK: - Closing the queue

    /// Closes every ticket of the day still waiting, parked or transferred with the outcome
    /// "chiuso a fine giornata", and counts them per service. Tickets still at a counter are
    /// listed, not touched: their operators close them.
    public static func closeWaiting(
        _ tickets: [Ticket], at now: Date, operatorID: String?, rules: QueueRules
    ) -> (tickets: [Ticket], report: EndOfDayReport) {
        var closedByService: [String: Int] = [:]
        var atCounters: [String] = []
        var result: [Ticket] = []
        for ticket in tickets {
            if ticket.state.isCallable,
               let closed = try? ticket.applying(.closeAtEndOfDay, at: now, counter: nil,
                                                 operatorID: operatorID, rules: rules) {
                closedByService[ticket.serviceCode, default: 0] += 1
                result.append(closed)
            } else {
                if ticket.state.isClaimed { atCounters.append(ticket.number.display) }
                result.append(ticket)
            }
        }
        let report = EndOfDayReport(
            day: LocalDay(containing: now), closedAt: now, closedByService: closedByService,
            stillAtCounters: atCounters.sorted())
        return (result, report)
    }

    // MARK: - Internals

    private struct Status {
        var operatorID: String?
        var paused: PauseReason?
        var busy = false
        var since = Date.distantPast

        mutating func apply(_ event: CounterEvent) {
            switch event.kind {
            case let .signIn(op): operatorID = op; paused = nil; busy = false
            case .signOut: operatorID = nil; paused = nil; busy = false
            case let .pauseStart(reason): paused = reason
            case .pauseEnd: paused = nil
            case .busy: busy = true
            case .free: busy = false
            }
            since = event.at
        }
    }

    private func status(of counter: Int) -> Status {
        var state = Status()
        for event in events where event.counter == counter { state.apply(event) }
        return state
    }

    private func checkDay(_ now: Date) throws(OfficeDayError) {
        let local = LocalDay(containing: now)
        if local != day { throw .wrongDay(day: day, instant: local) }
    }

    private func checkOpen(_ now: Date, counter: Int) throws(OfficeDayError) {
        guard isOpen else { throw closedAt != nil ? .alreadyClosed(day: day) : .notOpen(day: day) }
        try checkDay(now)
        if let last = events.last(where: { $0.counter == counter }), now < last.at {
            throw .timeGoesBack(counter: counter)
        }
    }
}
