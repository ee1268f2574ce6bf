import Foundation

/// A simulated office day played on a real `QueueBackend`: citizens arrive at the plan's
/// rates and take tickets, counters call through the protocol (claim → token → transitions),
/// operators pause, the office closes. The backend's clock is moved by the simulation
/// (`setTime`), so a whole day runs in seconds. The backend must already hold
/// `plan.configuration` (the caller imports it: the protocol has no configuration write).
///
/// The simulation keeps its own record of what happened (`facts`): every arrival, call,
/// service interval, transfer, no-show and pause as it chose and saw them. A report computed
/// by the store from its tables must give exactly the same figures.
public struct QueueDaySimulation {
    public let plan: QueueDayPlan
    private var random: SeededGenerator
    private var events: [(at: Date, order: Int, event: SimulationEvent)] = []
    private var order = 0
    private var counters: [Int: SimulatedCounter] = [:]
    private var tickets: [Int64: SimulatedTicket] = [:]
    private var officeDay: OfficeDay
    private var eventCounts: [String: Int] = [:]
    /// Recalls since the ticket's last call.
    private var recalls: [Int64: Int] = [:]
    private var closingStarted = false
    private var closedAt: Date?
    /// Protocol operations performed.
    public private(set) var operations = 0

    public init(plan: QueueDayPlan) {
        self.plan = plan
        random = SeededGenerator(seed: plan.seed)
        officeDay = OfficeDay(day: plan.day)
    }

    /// The Europe/Rome instant of a minute of the plan's day.
    public func instant(minute: Int) -> Date {
        OfficeCalendar.rome.date(from: DateComponents(
            year: plan.day.year, month: plan.day.month, day: plan.day.day, hour: minute / 60, minute: minute % 60))!
    }

    /// Plays the day. `setTime` must set the backend's clock (whole seconds).
    public mutating func run(on backend: any QueueBackend, setTime: (Date) -> Void) async throws {
        try schedulePlan()
        while !events.isEmpty {
            let index = events.indices.min { (events[$0].at, events[$0].order) < (events[$1].at, events[$1].order) }!
            let next = events.remove(at: index)
            setTime(next.at)
            try await handle(next.event, at: next.at, backend)
        }
    }

    /// What the simulation knows happened, as report facts.
    public var facts: QueueReportFacts {
        var facts = QueueReportFacts(from: plan.day, to: plan.day)
        var waits: [ReportWaitKey: Int] = [:], arrivals: [ReportArrivalKey: Int] = [:]
        var endings: [ReportEndingKey: Int] = [:], estimates: [String: ReportEstimateSum] = [:]
        var service: [ReportServiceKey: (tickets: Int, seconds: Int)] = [:]
        for ticket in tickets.values {
            arrivals[ReportArrivalKey(day: plan.day, hour: OfficeCalendar.localTime(of: ticket.arrival).minute / 60),
                     default: 0] += 1
            endings[ReportEndingKey(serviceCode: ticket.issuedService, state: ticket.state, outcome: ticket.outcome,
                                    wasCalled: ticket.firstCall != nil), default: 0] += 1
            if let call = ticket.firstCall {
                let wait = Int(call.timeIntervalSince(ticket.arrival))
                waits[ReportWaitKey(serviceCode: ticket.issuedService, isPriority: ticket.isPriority, seconds: wait),
                      default: 0] += 1
                if let estimate = ticket.estimateMinutes {
                    let error = wait - estimate * 60
                    var sum = estimates[ticket.issuedService] ?? ReportEstimateSum(
                        serviceCode: ticket.issuedService, count: 0, errorSeconds: 0, absoluteErrorSeconds: 0,
                        withinFiveMinutes: 0)
                    sum.count += 1
                    sum.errorSeconds += error
                    sum.absoluteErrorSeconds += abs(error)
                    if error <= 300 { sum.withinFiveMinutes += 1 }
                    estimates[ticket.issuedService] = sum
                }
            }
            for (counter, time) in ticket.serving {
                let key = ReportServiceKey(serviceCode: ticket.service, counter: counter, operatorID: time.operatorID)
                service[key, default: (0, 0)].tickets += 1
                service[key, default: (0, 0)].seconds += time.seconds
            }
        }
        facts.waits = waits.map { ReportWaitCount(serviceCode: $0.key.serviceCode, isPriority: $0.key.isPriority,
                                                  seconds: $0.key.seconds, count: $0.value) }
        facts.arrivals = arrivals.map { ReportArrivalCount(day: $0.key.day, hour: $0.key.hour, count: $0.value) }
        facts.endings = endings.map {
            ReportEndingCount(serviceCode: $0.key.serviceCode, state: $0.key.state, outcome: $0.key.outcome,
                              wasCalled: $0.key.wasCalled, count: $0.value)
        }
        facts.serviceTimes = service.map {
            ReportServiceTime(serviceCode: $0.key.serviceCode, counter: $0.key.counter, operatorID: $0.key.operatorID,
                              tickets: $0.value.tickets, seconds: $0.value.seconds)
        }
        facts.estimates = Array(estimates.values)
        facts.eventCounts = eventCounts
        facts.counterDays = ReportCounterDay.counters(of: officeDay, until: closedAt ?? instant(minute: 24 * 60 - 1))
        facts.normalize()
        return facts
    }

    /// Tickets issued, per service of issue.
    public var issuedByService: [String: Int] {
        Dictionary(grouping: tickets.values, by: \.issuedService).mapValues(\.count)
    }

    // MARK: - Plan

    private mutating func schedulePlan() throws {
        let weekday = plan.day.civilWeekday
        var opening = Int.max, closing = 0
        for service in plan.configuration.services {
            for interval in service.hours.intervals(on: weekday) {
                opening = min(opening, interval.startMinute)
                closing = max(closing, interval.endMinute)
                if plan.appointmentServices.contains(service.code) {
                    scheduleAppointments(service: service.code, interval)
                } else if let rate = plan.arrivalsPerHour[service.code] {
                    scheduleWalkIns(service: service.code, rate: rate, interval)
                }
            }
        }
        guard opening < closing else { return }
        schedule(.open, at: instant(minute: opening).addingTimeInterval(-600))
        for counter in plan.pauseCounters where plan.operators[counter] != nil {
            let minute = random.seconds(plan.pauseWindow)
            schedule(.pauseDue(counter: counter), at: instant(minute: minute))
        }
        schedule(.closing, at: instant(minute: closing + plan.closingGraceMinutes))
    }

    private mutating func scheduleWalkIns(service: String, rate: Double, _ interval: OpeningInterval) {
        var t = Double(interval.startMinute * 60)
        let end = Double(interval.endMinute * 60)
        while true {
            let hour = Int(t) / 3600
            let hourly = rate * (plan.hourProfile[hour] ?? 1)
            t += random.exponential(mean: 3600 / max(0.1, hourly))
            guard t < end else { return }
            let priority = random.chance(plan.priorityShare) ? ["over75", "disabilita", "gravidanza"][random.seconds(0...2)] : nil
            schedule(.arrival(service: service, priority: priority), at: secondOfDay(Int(t)))
        }
    }

    private mutating func scheduleAppointments(service: String, _ interval: OpeningInterval) {
        let serving = plan.configuration.counters.filter { counter in
            counter.profileCode.flatMap { plan.configuration.profile($0) }?.serviceCodes.first == service
                && plan.operators[counter.number] != nil
        }
        var slot = interval.startMinute
        while slot + plan.appointmentMinutes <= interval.endMinute {
            for _ in serving where random.chance(plan.appointmentShowShare) {
                let early = random.seconds(0...600)
                let at = max(interval.startMinute * 60, slot * 60 - early)
                schedule(.arrival(service: service, priority: "appuntamento"), at: secondOfDay(at))
            }
            slot += plan.appointmentMinutes
        }
    }

    private func secondOfDay(_ second: Int) -> Date {
        instant(minute: second / 60).addingTimeInterval(Double(second % 60))
    }

    private mutating func schedule(_ event: SimulationEvent, at date: Date) {
        order += 1
        events.append((date, order, event))
    }

    // MARK: - Events

    private mutating func handle(_ event: SimulationEvent, at now: Date, _ backend: any QueueBackend) async throws {
        switch event {
        case .open:
            try await backend.openOffice()
            try officeDay.open(at: now)
            operations += 1
            for counter in plan.configuration.counters {
                guard let op = plan.operators[counter.number] else { continue }
                try await backend.signIn(counter: counter.number, operatorID: op)
                try officeDay.signIn(counter: counter.number, operatorID: op, at: now)
                operations += 1
                let services = Set(counter.profileCode.flatMap { plan.configuration.profile($0) }?.serviceCodes ?? [])
                counters[counter.number] = SimulatedCounter(number: counter.number, operatorID: op, services: services,
                                                            phase: .free(waiting: true))
            }

        case let .arrival(service, priority):
            let ticket = try await backend.issue(IssueRequest(serviceCode: service, priority: priority))
            operations += 1
            count("issue")
            tickets[ticket.id] = SimulatedTicket(
                id: ticket.id, issuedService: service, service: service, isPriority: priority != nil, arrival: now,
                estimateMinutes: ticket.estimatedWaitMinutes)
            wake(service: service, at: now)

        case let .tryCall(number):
            guard var counter = counters[number], case .free = counter.phase else { return }
            if closingStarted {
                try await finishIfQuiet(at: now, backend)
                return
            }
            if counter.pauseDue {
                try await startPause(&counter, at: now, backend)
                counters[number] = counter
                return
            }
            let claim = try await backend.claim(ClaimRequest(counter: number, operatorID: counter.operatorID))
            operations += 1
            guard let claim else {
                counter.phase = .free(waiting: true)
                counters[number] = counter
                return
            }
            count("call")
            recalls[claim.ticket.id] = 0
            try officeDay.ticketTaken(counter: number, ticketID: claim.ticket.id, at: now)
            if tickets[claim.ticket.id]?.firstCall == nil { tickets[claim.ticket.id]?.firstCall = now }
            tickets[claim.ticket.id]?.state = .called
            counter.phase = .called(ticketID: claim.ticket.id, token: claim.token)
            counters[number] = counter
            if random.chance(plan.noShowShare) {
                schedule(.recall(counter: number), at: now.addingTimeInterval(60))
            } else {
                schedule(.citizenAtCounter(counter: number), at: now.addingTimeInterval(Double(random.seconds(20...90))))
            }

        case let .citizenAtCounter(number):
            guard var counter = counters[number], case let .called(id, token) = counter.phase else { return }
            _ = try await backend.transition(TransitionRequest(
                ticketID: id, token: token, action: .startService, counter: number, operatorID: counter.operatorID))
            operations += 1
            count("start_service")
            tickets[id]?.state = .serving
            counter.phase = .serving(ticketID: id, token: token, since: now)
            counters[number] = counter
            let service = tickets[id]?.service ?? ""
            let seconds = random.seconds(plan.serviceSeconds[service] ?? 600...900)
            schedule(.endService(counter: number), at: now.addingTimeInterval(Double(seconds)))

        case let .recall(number):
            guard var counter = counters[number], case let .called(id, token) = counter.phase else { return }
            if recalls[id, default: 0] < plan.configuration.rules.recallsBeforeNoShow {
                recalls[id, default: 0] += 1
                _ = try await backend.transition(TransitionRequest(
                    ticketID: id, token: token, action: .recall, counter: number, operatorID: counter.operatorID))
                operations += 1
                count("recall")
                schedule(.recall(counter: number), at: now.addingTimeInterval(60))
                return
            }
            _ = try await backend.transition(TransitionRequest(
                ticketID: id, token: token, action: .markNoShow, counter: number, operatorID: counter.operatorID))
            operations += 1
            count("no_show")
            tickets[id]?.state = .noShow
            tickets[id]?.outcome = OutcomeCode.nonPresentato.code
            try release(&counter, at: now)
            counters[number] = counter

        case let .endService(number):
            guard var counter = counters[number], case let .serving(id, token, since) = counter.phase,
                  var ticket = tickets[id] else { return }
            let seconds = Int(now.timeIntervalSince(since))
            if let transfer = plan.transfers[ticket.service], random.chance(transfer.share) {
                _ = try await backend.transition(TransitionRequest(
                    ticketID: id, token: token,
                    action: .transfer(serviceCode: transfer.to, counter: nil, note: "inviato dalla simulazione"),
                    counter: number, operatorID: counter.operatorID))
                count("transfer")
                // Time served before a transfer counts under the ticket's final service.
                ticket.service = transfer.to
                ticket.state = .transferred
                addServing(&ticket, counter: number, operatorID: counter.operatorID, seconds: seconds)
                tickets[id] = ticket
                operations += 1
                try release(&counter, at: now)
                counters[number] = counter
                wake(service: transfer.to, at: now)
                return
            }
            let outcome = random.chance(plan.incompleteShare) ? OutcomeCode.documentiMancanti.code
                : (ticket.service == "URP" ? OutcomeCode.informazione.code : OutcomeCode.servito.code)
            _ = try await backend.transition(TransitionRequest(
                ticketID: id, token: token, action: .close(outcome: outcome, procedures: [], contactID: nil),
                counter: number, operatorID: counter.operatorID))
            operations += 1
            count("close")
            ticket.state = .done
            ticket.outcome = outcome
            addServing(&ticket, counter: number, operatorID: counter.operatorID, seconds: seconds)
            tickets[id] = ticket
            try release(&counter, at: now)
            counters[number] = counter

        case let .pauseDue(number):
            guard var counter = counters[number], !counter.pauseTaken else { return }
            counter.pauseDue = true
            counters[number] = counter
            if case .free = counter.phase { schedule(.tryCall(counter: number), at: now) }

        case let .pauseEnd(number):
            guard var counter = counters[number], case .paused = counter.phase else { return }
            try await backend.resume(counter: number)
            try officeDay.endPause(counter: number, at: now)
            operations += 1
            counter.phase = .free(waiting: false)
            counters[number] = counter
            schedule(.tryCall(counter: number), at: now)

        case .closing:
            closingStarted = true
            try await finishIfQuiet(at: now, backend)
        }
    }

    private mutating func addServing(_ ticket: inout SimulatedTicket, counter: Int, operatorID: String, seconds: Int) {
        var entry = ticket.serving[counter] ?? (operatorID, 0)
        entry.seconds += seconds
        ticket.serving[counter] = entry
    }

    /// Counts an event the simulation caused, for the kinds the report counts.
    private mutating func count(_ kind: String) {
        if QueueReportFacts.countedEventKinds.contains(kind) { eventCounts[kind, default: 0] += 1 }
    }

    /// The counter's ticket left it: it is free again and tries the next call shortly.
    private mutating func release(_ counter: inout SimulatedCounter, at now: Date) throws {
        try officeDay.ticketReleased(counter: counter.number, at: now)
        counter.phase = .free(waiting: false)
        schedule(.tryCall(counter: counter.number), at: now.addingTimeInterval(Double(random.seconds(5...30))))
    }

    private mutating func startPause(_ counter: inout SimulatedCounter, at now: Date, _ backend: any QueueBackend) async throws {
        try await backend.pause(counter: counter.number, reason: .rest)
        try officeDay.startPause(counter: counter.number, reason: .rest, at: now)
        operations += 1
        counter.phase = .paused
        counter.pauseDue = false
        counter.pauseTaken = true
        schedule(.pauseEnd(counter: counter.number), at: now.addingTimeInterval(Double(plan.pauseMinutes * 60)))
    }

    /// Counters that found nobody try again when a ticket they serve arrives.
    private mutating func wake(service: String, at now: Date) {
        for (number, counter) in counters.sorted(by: { $0.key < $1.key }) {
            if case .free(waiting: true) = counter.phase, counter.services.contains(service) {
                counters[number]?.phase = .free(waiting: false)
                schedule(.tryCall(counter: number), at: now)
            }
        }
    }

    /// Once closing has started and no counter holds a ticket or is paused: everyone signs
    /// out and the office closes (tickets still waiting are closed "a fine giornata").
    private mutating func finishIfQuiet(at now: Date, _ backend: any QueueBackend) async throws {
        guard closedAt == nil else { return }
        for counter in counters.values {
            switch counter.phase {
            case .called, .serving, .paused: return
            case .free, .signedOut: break
            }
        }
        for number in counters.keys.sorted() {
            try await backend.signOut(counter: number)
            try officeDay.signOut(counter: number, at: now)
            operations += 1
            counters[number]?.phase = .signedOut
        }
        _ = try await backend.closeOffice(operatorID: nil)
        try officeDay.close(at: now)
        operations += 1
        closedAt = now
        for (id, ticket) in tickets where ticket.state.isCallable {
            tickets[id]?.state = .cancelled
            tickets[id]?.outcome = OutcomeCode.chiusoFineGiornata.code
        }
    }
}
