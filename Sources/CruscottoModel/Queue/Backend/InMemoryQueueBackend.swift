import Foundation

/// The reference implementation of `QueueBackend`: the whole central side in one actor.
/// Tests run on it, and the contract tests of the SQLite and PostgreSQL backends compare
/// their answers with its answers to the same sequence of requests.
public actor InMemoryQueueBackend: QueueBackend {
    private let config: QueueConfiguration
    private let clock: any Clock
    private var tickets: [Int64: Ticket] = [:]
    private var numbering = TicketNumbering()
    private var lastID: Int64 = 0
    private var lastToken: Int64 = 0
    private var log: [QueueChange] = []
    private var histories: [HistoryKey: CounterCallHistory] = [:]
    private var officeDays: [LocalDay: OfficeDay] = [:]

    private struct HistoryKey: Hashable {
        let day: LocalDay
        let counter: Int
    }

    public init(configuration: QueueConfiguration, clock: any Clock) throws(QueueBackendError) {
        let problems = configuration.validationProblems
        guard problems.isEmpty else { throw .invalidConfiguration(problems: problems) }
        self.config = configuration
        self.clock = clock
    }

    public func configuration() -> QueueConfiguration { config }

    // MARK: - Tickets

    public func issue(_ request: IssueRequest) throws(QueueBackendError) -> Ticket {
        let now = clock.now()
        guard let service = config.service(request.serviceCode) else {
            throw .unknownService(code: request.serviceCode)
        }
        try refuseIfClosedToday(now)
        guard service.isOpen(at: now) else { throw .serviceClosed(message: service.closedMessage) }
        if let code = request.priority, config.priority(code) == nil {
            throw .unknownPriority(code: code, known: config.priorities.map(\.code))
        }
        if let counter = request.counter, config.counter(counter) == nil {
            throw .unknownCounter(number: counter)
        }
        let day = LocalDay(containing: now)
        let number = numbering.next(prefix: service.prefix, day: day)
        lastID += 1
        var ticket = Ticket(
            id: lastID, serviceCode: service.code, number: number, arrival: now,
            priority: request.priority, contactID: request.contactID, phone: request.phone,
            note: request.note, issuedBy: request.counter, operatorID: request.operatorID)
        let ahead = today(now).filter {
            $0.state.isCallable && $0.targetCounter == nil && $0.serviceCode == service.code
        }.count
        ticket.peopleAheadAtIssue = ahead
        ticket.estimatedWaitMinutes = request.estimatedWaitMinutes(
            peopleAhead: ahead, service: service, configuration: config)
        record(ticket, kind: "issue", at: now)
        return ticket
    }

    public func claim(_ request: ClaimRequest) throws(QueueBackendError) -> QueueClaim? {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard let counter = config.counter(request.counter) else {
            throw .unknownCounter(number: request.counter)
        }
        guard let code = counter.profileCode, let profile = config.profile(code) else {
            throw .counterWithoutProfile(number: counter.number)
        }
        try refuseIfClosedToday(now)
        // One ticket at a time per counter: a forgotten ticket would stay "in servizio" for
        // the rest of the day and spoil the idle and service-time figures.
        if let held = today(now).first(where: { $0.state.isClaimed && $0.counter == counter.number }) {
            throw .counterBusy(counter: counter.number, number: held.number.display, state: held.state)
        }
        let key = HistoryKey(day: day, counter: counter.number)
        let chosen: Ticket
        switch request.target {
        case .next:
            let policy = CallPolicy(priority: config.priorityPolicy)
            guard let next = policy.next(
                waiting: today(now).filter(\.state.isCallable), counter: counter.number,
                profile: profile, now: now, history: histories[key] ?? CounterCallHistory())
            else { return nil }
            chosen = next
        case let .specific(number):
            chosen = try ticketOfToday(number, now: now)
        }
        let token = FencingToken(lastToken + 1)
        let called = try apply(.call(token: token), to: chosen, token: nil, now: now,
                               counter: counter.number, operatorID: request.operatorID)
        lastToken = token.value
        histories[key, default: CounterCallHistory()].record(priority: called.isPriority)
        if officeDays[day]?.operatorAt(counter: counter.number) != nil {
            // Activity is tracked for staffed counters only (scripts may call from a counter
            // nobody signed in to); the counter holds no other ticket, so this cannot fail.
            try? officeDays[day]?.ticketTaken(counter: counter.number, ticketID: called.id, at: now)
        }
        return QueueClaim(ticket: called, token: token)
    }

    public func transition(_ request: TransitionRequest) throws(QueueBackendError) -> Ticket {
        let now = clock.now()
        guard let ticket = tickets[request.ticketID] else { throw .unknownTicket(id: request.ticketID) }
        if ticket.day != LocalDay(containing: now) {
            throw .ticketOfAnotherDay(number: ticket.number.display, day: ticket.day)
        }
        switch request.action {
        case .call:
            // Calls go through `claim`, which owns the token sequence and the interleave.
            throw .callNeedsClaim(number: ticket.number.display)
        case let .transfer(serviceCode, counter, _):
            if let serviceCode, config.service(serviceCode) == nil { throw .unknownService(code: serviceCode) }
            if let counter, config.counter(counter) == nil { throw .unknownCounter(number: counter) }
        default:
            break
        }
        let heldBy = ticket.state.isClaimed ? ticket.counter : nil
        let after = try apply(request.action, to: ticket, token: request.token, now: now,
                              counter: request.counter ?? heldBy, operatorID: request.operatorID)
        if let heldBy, !after.state.isClaimed,
           officeDays[after.day]?.operatorAt(counter: heldBy) != nil {
            try? officeDays[after.day]?.ticketReleased(counter: heldBy, at: now)
        }
        return after
    }

    public func transitionAndClaim(_ transition: TransitionRequest, next: ClaimRequest) throws(QueueBackendError)
        -> QueueTransitionAndClaim {
        // All or nothing: a refused claim puts back what the transition changed.
        let saved = (tickets, numbering, lastID, lastToken, log, histories, officeDays)
        do {
            let ticket = try self.transition(transition)
            return QueueTransitionAndClaim(ticket: ticket, claim: try claim(next))
        } catch {
            (tickets, numbering, lastID, lastToken, log, histories, officeDays) = saved
            throw error
        }
    }

    public func changes(after position: Int64, limit: Int) -> QueueChangePage {
        let start = log.partitionPoint { $0.position > position }
        let end = min(log.count, start + max(1, limit))
        let page = Array(log[start..<end])
        return QueueChangePage(changes: page, lastPosition: page.last?.position ?? position,
                               hasMore: end < log.count)
    }

    public func ticket(number: TicketNumber) throws(QueueBackendError) -> Ticket {
        try ticketOfToday(number, now: clock.now())
    }

    /// Every ticket of an office day, by id (for tests and contract comparisons).
    public func tickets(on day: LocalDay) -> [Ticket] {
        tickets.values.filter { $0.day == day }.sorted { $0.id < $1.id }
    }

    public func status() -> QueueStatus {
        let now = clock.now()
        let day = LocalDay(containing: now)
        let todays = today(now)
        let services = config.services.map { service in
            let waiting = todays.filter {
                $0.state.isCallable && $0.targetCounter == nil && $0.serviceCode == service.code
            }
            let longest = waiting.min { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
            return QueueStatus.ServiceLine(
                serviceCode: service.code, name: service.name, prefix: service.prefix,
                isOpen: service.isOpen(at: now), waiting: waiting.count,
                priorityWaiting: waiting.filter(\.isPriority).count,
                longestWaitMinutes: longest.map { Int(now.timeIntervalSince($0.arrival) / 60) },
                longestWaitNumber: longest?.number.display)
        }
        let officeDay = officeDays[day]
        let counters = config.counters.map { counter in
            let current = todays.first { $0.state.isClaimed && $0.counter == counter.number }
            let directed = todays.filter { $0.state.isCallable && $0.targetCounter == counter.number }.count
            var line = QueueStatus.CounterLine(
                number: counter.number, label: counter.label, operatorID: nil, activity: .closed,
                pauseReason: nil, since: nil, ticketNumber: current?.number.display,
                ticketState: current?.state, directedWaiting: directed)
            switch officeDay?.activity(of: counter.number) ?? .closed {
            case .closed:
                if current != nil { line.activity = .busy }
            case let .idle(op, since):
                (line.operatorID, line.activity, line.since) = (op, current == nil ? .idle : .busy, since)
            case let .busy(op, since):
                (line.operatorID, line.activity, line.since) = (op, .busy, since)
            case let .paused(op, reason, since):
                (line.operatorID, line.activity, line.since) = (op, .paused, since)
                line.pauseReason = reason.italianText
            }
            return line
        }
        return QueueStatus(at: now, day: day, officeOpen: officeDay?.isOpen ?? false,
                           services: services, counters: counters)
    }

    // MARK: - Office day

    public func openOffice() throws(QueueBackendError) {
        let now = clock.now()
        let day = LocalDay(containing: now)
        var officeDay = officeDays[day] ?? OfficeDay(day: day)
        do { try officeDay.open(at: now) } catch { throw .officeDay(error) }
        officeDays[day] = officeDay
    }

    public func closeOffice(operatorID: String?) throws(QueueBackendError) -> EndOfDayReport {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard var officeDay = officeDays[day] else { throw .officeDay(.notOpen(day: day)) }
        do { try officeDay.close(at: now) } catch { throw .officeDay(error) }
        let open = tickets.values.filter {
            $0.day <= day && ($0.state.isCallable || ($0.day == day && $0.state.isClaimed))
        }
            .sorted { $0.id < $1.id }
        let (after, report) = OfficeDay.closeWaiting(open, at: now, operatorID: operatorID, rules: config.rules)
        for (before, ticket) in zip(open, after) where before != ticket {
            record(ticket, kind: TicketAction.closeAtEndOfDay.kind, at: now)
        }
        officeDays[day] = officeDay
        return report
    }

    public func signIn(counter: Int, operatorID: String) throws(QueueBackendError) {
        guard config.counter(counter) != nil else { throw .unknownCounter(number: counter) }
        try changeDay { day, now throws(OfficeDayError) in
            try day.signIn(counter: counter, operatorID: operatorID, at: now)
        }
    }

    public func signOut(counter: Int) throws(QueueBackendError) {
        try changeDay { day, now throws(OfficeDayError) in try day.signOut(counter: counter, at: now) }
    }

    public func pause(counter: Int, reason: PauseReason) throws(QueueBackendError) {
        try changeDay { day, now throws(OfficeDayError) in
            try day.startPause(counter: counter, reason: reason, at: now)
        }
    }

    public func resume(counter: Int) throws(QueueBackendError) {
        try changeDay { day, now throws(OfficeDayError) in try day.endPause(counter: counter, at: now) }
    }

    /// The office day record of a day (idle and pause reports).
    public func officeDay(_ day: LocalDay) -> OfficeDay? { officeDays[day] }

    // MARK: - Internals

    private func today(_ now: Date) -> [Ticket] {
        let day = LocalDay(containing: now)
        return tickets.values.filter { $0.day == day }
    }

    /// After the office closed for the day, nobody is issued or called any more. A day that
    /// was never opened does not block (commands and scripts work without the office day).
    private func refuseIfClosedToday(_ now: Date) throws(QueueBackendError) {
        let day = LocalDay(containing: now)
        if officeDays[day]?.closedAt != nil { throw .officeDay(.alreadyClosed(day: day)) }
    }

    private func ticketOfToday(_ number: TicketNumber, now: Date) throws(QueueBackendError) -> Ticket {
        let day = LocalDay(containing: now)
        guard let ticket = tickets.values.first(where: { $0.day == day && $0.number == number }) else {
            throw .unknownTicketNumber(number: number.display, day: day)
        }
        return ticket
    }

    private func apply(
        _ action: TicketAction, to ticket: Ticket, token: FencingToken?, now: Date,
        counter: Int?, operatorID: String?
    ) throws(QueueBackendError) -> Ticket {
        let after: Ticket
        do {
            after = try ticket.applying(action, token: token, at: now, counter: counter,
                                        operatorID: operatorID, rules: config.rules)
        } catch { throw .rule(error) }
        record(after, kind: action.kind, at: now)
        return after
    }

    private func record(_ ticket: Ticket, kind: String, at now: Date) {
        tickets[ticket.id] = ticket
        log.append(QueueChange(position: Int64(log.count + 1), kind: kind, at: now, ticket: ticket))
    }

    private func changeDay(
        _ change: (inout OfficeDay, Date) throws(OfficeDayError) -> Void
    ) throws(QueueBackendError) {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard var officeDay = officeDays[day] else { throw .officeDay(.notOpen(day: day)) }
        do { try change(&officeDay, now) } catch { throw .officeDay(error) }
        officeDays[day] = officeDay
    }
}

extension Array {
    /// Index of the first element for which `belongsToSecondPart` is true (the array must be
    /// partitioned: all false first).
    func partitionPoint(_ belongsToSecondPart: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsToSecondPart(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
