import CruscottoModel
import Foundation
import PostgresNIO
import Synchronization

/// The queue on the PostgreSQL central database. Every operation is one call of a central
/// function (`sportello.queue_*`), one round trip in the usual case:
/// - issue and claim run whole in SQL (numbering, lane heads with `FOR UPDATE SKIP LOCKED`,
///   fencing token, counter history, change row and notification in one transaction);
/// - the other transitions and the office day are decided by the model's own rules
///   (`Ticket.applying`, `OfficeDay`) on the row as last read, and written by one function
///   that refuses the write if the row changed since (compare-and-swap on its version) and
///   re-checks the fencing token; on a change the backend reads again and decides again.
/// Instants come from the injected clock and travel as parameters.
public final class PostgresQueueBackend: QueueBackend, Sendable {
    public let central: PostgresCentral
    let clock: any Clock
    let config: QueueConfiguration
    /// Tickets as this backend last saw them, with their row version: a counter acting on the
    /// ticket it just called needs no read first. A refusal is only ever given on a fresh read.
    let seen = Mutex<[Int64: SeenTicket]>([:])

    struct SeenTicket: Sendable {
        var ticket: Ticket
        var version: Int
    }

    init(central: PostgresCentral, clock: any Clock, configuration: QueueConfiguration) {
        self.central = central
        self.clock = clock
        self.config = configuration
    }

    /// Opens the queue of a central database whose configuration is in place.
    public static func open(central: PostgresCentral, clock: any Clock) async throws(QueueBackendError) -> PostgresQueueBackend {
        let configuration = try await loadConfiguration(central)
        return PostgresQueueBackend(central: central, clock: clock, configuration: configuration)
    }

    static func loadConfiguration(_ central: PostgresCentral) async throws(QueueBackendError) -> QueueConfiguration {
        struct Stored: Decodable {
            var version: Int64
            var doc: QueueConfiguration
        }
        let text = try await guarded { () async throws(PostgresCentralError) in
            try await central.text("SELECT sportello.queue_config_get()::text")
        }
        guard let text else {
            throw .invalidConfiguration(problems: ["configurazione della coda assente nel database centrale (central init)"])
        }
        let stored = try QueueJSON.decode(Stored.self, text)
        let problems = stored.doc.validationProblems
        guard problems.isEmpty else { throw .invalidConfiguration(problems: problems) }
        return stored.doc
    }

    /// What `queue_config_put` and `queue_config_import` take, after the model's validation:
    /// the configuration document, each counter's served services, the priority interleave and
    /// the maximum wait.
    static func configurationArguments(
        _ configuration: QueueConfiguration
    ) throws(QueueBackendError) -> (doc: String, counters: String, interleave: Int, maxWait: Int?) {
        let problems = configuration.validationProblems
        guard problems.isEmpty else { throw .invalidConfiguration(problems: problems) }
        struct CounterProfileRow: Encodable {
            var number: Int
            var services: [String]?
        }
        let counters = configuration.counters.map { counter in
            CounterProfileRow(number: counter.number,
                              services: counter.profileCode.flatMap { configuration.profile($0) }?.serviceCodes)
        }
        return (try QueueJSON.text(configuration), try QueueJSON.text(counters),
                configuration.priorityPolicy.interleave, configuration.priorityPolicy.maxWaitMinutes)
    }

    /// Replaces the office's queue configuration (services, priorities, profiles, counters,
    /// rules) after the model's validation; returns its new version.
    @discardableResult
    public static func replaceConfiguration(
        _ configuration: QueueConfiguration, in central: PostgresCentral
    ) async throws(QueueBackendError) -> Int64 {
        let (doc, rows, interleave, maxWait) = try configurationArguments(configuration)
        let text = try await guarded { () async throws(PostgresCentralError) in
            try await central.text(
                "SELECT sportello.queue_config_put(\(doc)::jsonb, \(interleave)::integer, \(maxWait)::integer, \(rows)::jsonb)::text")
        }
        return Int64(text ?? "") ?? 0
    }

    public func configuration() async throws -> QueueConfiguration { config }

    // MARK: - Tickets

    public func issue(_ request: IssueRequest) async throws -> Ticket {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard let service = config.service(request.serviceCode) else {
            throw QueueBackendError.unknownService(code: request.serviceCode)
        }
        // Same order of refusals as the reference: a closed office day comes before the rest.
        var refusal: QueueBackendError?
        if !service.isOpen(at: now) {
            refusal = .serviceClosed(message: service.closedMessage)
        } else if let code = request.priority, config.priority(code) == nil {
            refusal = .unknownPriority(code: code, known: config.priorities.map(\.code))
        } else if let counter = request.counter, config.counter(counter) == nil {
            refusal = .unknownCounter(number: counter)
        }
        if let refusal {
            if try await dayClosed(day) { throw QueueBackendError.officeDay(.alreadyClosed(day: day)) }
            throw refusal
        }
        let draft = Ticket(
            id: 0, serviceCode: service.code, number: TicketNumber(prefix: service.prefix, seq: 0), arrival: now,
            priority: request.priority, contactID: request.contactID, phone: request.phone,
            note: request.note, issuedBy: request.counter, operatorID: request.operatorID)
        let servingCounters = config.counters.filter { counter in
            counter.profileCode.flatMap { config.profile($0) }?.rank(of: service.code) != nil
        }.count
        let doc = try QueueJSON.text(draft)
        let typical = service.typicalServiceMinutes
        let dayText = day.description
        let answer = try await callGuarded(
            "SELECT sportello.queue_issue(\(doc)::jsonb, \(dayText)::date, \(now), \(typical)::integer, \(servingCounters)::integer)::text")
        switch answer {
        case let .success(text):
            let ticket = try QueueJSON.decode(Ticket.self, text)
            remember(ticket, version: 1)
            return ticket
        case let .failure(refusal):
            throw try refusalError(refusal, day: day)
        }
    }

    public func claim(_ request: ClaimRequest) async throws -> QueueClaim? {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard let counter = config.counter(request.counter) else {
            throw QueueBackendError.unknownCounter(number: request.counter)
        }
        guard let code = counter.profileCode, config.profile(code) != nil else {
            throw QueueBackendError.counterWithoutProfile(number: counter.number)
        }
        var prefix: String?
        var seq: Int?
        if case let .specific(number) = request.target { (prefix, seq) = (number.prefix, number.seq) }
        let dayText = day.description
        let epoch = now.timeIntervalSince1970
        let text = try await textGuarded(
            "SELECT sportello.queue_claim(\(counter.number)::integer, \(request.operatorID)::text, \(prefix)::text, \(seq)::integer, \(dayText)::date, \(now), \(epoch))::text")
        return try outcome(of: QueueJSON.decode(ClaimAnswer.self, text), request: request, counter: counter.number,
                           now: now, prefix: prefix, seq: seq)
    }

    /// The claim's answer as the protocol says it: the claimed ticket, nil, or the refusal.
    func outcome(of answer: ClaimAnswer, request: ClaimRequest, counter: Int, now: Date,
                 prefix: String?, seq: Int?) throws -> QueueClaim? {
        let day = LocalDay(containing: now)
        switch answer.status {
        case "claimed":
            guard let ticket = answer.ticket, let token = answer.token else {
                throw QueueBackendError.unavailable(reason: "risposta della chiamata incompleta")
            }
            remember(ticket, version: answer.version ?? 0)
            return QueueClaim(ticket: ticket, token: FencingToken(token))
        case "empty":
            return nil
        case "busy":
            guard let held = answer.ticket else { throw QueueBackendError.unavailable(reason: "risposta incompleta") }
            throw QueueBackendError.counterBusy(counter: counter, number: held.number.display, state: held.state)
        case "refused":
            guard let ticket = answer.ticket else { throw QueueBackendError.unavailable(reason: "risposta incompleta") }
            // The model says why (already called, held elsewhere, reserved for a counter...).
            do {
                _ = try ticket.applying(.call(token: FencingToken(Int64.max)), at: now, counter: counter,
                                        operatorID: request.operatorID, rules: config.rules)
            } catch {
                throw QueueBackendError.rule(error)
            }
            throw QueueBackendError.unavailable(reason: "chiamata rifiutata dal database centrale")
        case "unknown_number":
            throw QueueBackendError.unknownTicketNumber(number: TicketNumber(prefix: prefix ?? "", seq: seq ?? 0).display, day: day)
        case "day_closed":
            throw QueueBackendError.officeDay(.alreadyClosed(day: day))
        case "unknown_counter":
            throw QueueBackendError.unknownCounter(number: counter)
        case "no_profile":
            throw QueueBackendError.counterWithoutProfile(number: counter)
        default:
            throw QueueBackendError.unavailable(reason: "risposta sconosciuta: \(answer.status)")
        }
    }

    public func transition(_ request: TransitionRequest) async throws -> Ticket {
        try await writeDecided(request) { current, after, now, release in
            let doc = try QueueJSON.text(after)
            let token = request.token?.value
            let kind = request.action.kind
            let epoch = now.timeIntervalSince1970
            let answer = try await callGuarded(
                "SELECT sportello.queue_ticket_write(\(current.ticket.id), \(current.version)::integer, \(doc)::jsonb, \(token)::bigint, \(kind), \(epoch), \(release)::integer)::text")
            switch answer {
            case let .success(text):
                remember(after, version: Int(text ?? "") ?? current.version + 1)
                return after
            case .failure:
                return nil
            }
        }
    }

    /// The optimistic write of a transition, shared by `transition` and `transitionAndClaim`:
    /// the model decides on the ticket as last seen (read when unknown), `attempt` writes the
    /// decided ticket (with the counter it releases, if any) and answers nil when the row
    /// changed since or the token was fenced off; then the ticket is read again and decided
    /// again. A refusal by the model on a fresh read is final.
    func writeDecided<T>(_ request: TransitionRequest,
                         attempt: (_ current: SeenTicket, _ after: Ticket, _ now: Date, _ release: Int?) async throws -> T?)
        async throws -> T {
        var known = seen.withLock { $0[request.ticketID] }
        var fresh = false
        if known == nil {
            known = try await read(ticketID: request.ticketID)
            fresh = true
        }
        for _ in 0..<50 {
            guard let current = known else { throw QueueBackendError.unknownTicket(id: request.ticketID) }
            let now = clock.now()
            let ticket = current.ticket
            let after: Ticket
            do {
                after = try decide(request, on: ticket, now: now)
            } catch {
                if fresh { throw error }
                known = try await read(ticketID: request.ticketID)
                fresh = true
                continue
            }
            let heldBy = ticket.state.isClaimed ? ticket.counter : nil
            let release = heldBy != nil && !after.state.isClaimed ? heldBy : nil
            if let written = try await attempt(current, after, now, release) { return written }
            // Changed since read (or fenced off): read again and decide on what is there now.
            known = try await read(ticketID: request.ticketID)
            fresh = true
        }
        throw QueueBackendError.unavailable(reason: "il biglietto cambia di continuo: riprovare")
    }

    /// The reference's checks, in its order, then the model's state machine.
    func decide(_ request: TransitionRequest, on ticket: Ticket, now: Date) throws(QueueBackendError) -> Ticket {
        if ticket.day != LocalDay(containing: now) {
            throw .ticketOfAnotherDay(number: ticket.number.display, day: ticket.day)
        }
        switch request.action {
        case .call:
            throw .callNeedsClaim(number: ticket.number.display)
        case let .transfer(serviceCode, counter, _):
            if let serviceCode, config.service(serviceCode) == nil { throw .unknownService(code: serviceCode) }
            if let counter, config.counter(counter) == nil { throw .unknownCounter(number: counter) }
        default:
            break
        }
        let heldBy = ticket.state.isClaimed ? ticket.counter : nil
        do {
            return try ticket.applying(request.action, token: request.token, at: now,
                                       counter: request.counter ?? heldBy, operatorID: request.operatorID,
                                       rules: config.rules)
        } catch {
            throw .rule(error)
        }
    }

    public func changes(after position: Int64, limit: Int) async throws -> QueueChangePage {
        let text = try await textGuarded("SELECT sportello.queue_changes(\(position), \(limit)::integer)::text")
        let page = try QueueJSON.decode(ChangesAnswer.self, text)
        return QueueChangePage(changes: page.changes, lastPosition: page.changes.last?.position ?? position,
                               hasMore: page.has_more)
    }

    public func ticket(number: TicketNumber) async throws -> Ticket {
        let day = LocalDay(containing: clock.now())
        let dayText = day.description
        let text = try await textGuarded(
            "SELECT sportello.queue_ticket_by_number(\(dayText)::date, \(number.prefix), \(number.seq)::integer)::text")
        guard let text else { throw QueueBackendError.unknownTicketNumber(number: number.display, day: day) }
        return try QueueJSON.decode(Ticket.self, text)
    }

    // MARK: - Internals

    struct ClaimAnswer: Decodable {
        var status: String
        var ticket: Ticket?
        var token: Int64?
        var version: Int?
        /// The written ticket's new row version (`queue_write_and_claim`).
        var written: Int?
    }

    struct ChangesAnswer: Decodable {
        var changes: [QueueChange]
        // swiftlint:disable:next identifier_name
        var has_more: Bool
    }

    struct TicketAnswer: Decodable {
        var ticket: Ticket
        var version: Int
    }

    func read(ticketID: Int64) async throws(QueueBackendError) -> SeenTicket? {
        let text = try await textGuarded("SELECT sportello.queue_ticket_get(\(ticketID))::text")
        guard let text else { return nil }
        let answer = try QueueJSON.decode(TicketAnswer.self, text)
        remember(answer.ticket, version: answer.version)
        return SeenTicket(ticket: answer.ticket, version: answer.version)
    }

    func remember(_ ticket: Ticket, version: Int) {
        seen.withLock { cache in
            if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
            cache[ticket.id] = SeenTicket(ticket: ticket, version: version)
        }
    }

    func forget(_ id: Int64) {
        _ = seen.withLock { $0.removeValue(forKey: id) }
    }

    func dayClosed(_ day: LocalDay) async throws(QueueBackendError) -> Bool {
        let dayText = day.description
        let text = try await textGuarded(
            "SELECT sportello.queue_day_closed(\(dayText)::date)::text")
        return text == "true"
    }

    func textGuarded(_ query: PostgresQuery) async throws(QueueBackendError) -> String? {
        try await Self.guarded { () async throws(PostgresCentralError) in try await central.text(query) }
    }

    func callGuarded(_ query: PostgresQuery) async throws(QueueBackendError) -> Result<String?, CentralRefusal> {
        try await Self.guarded { () async throws(PostgresCentralError) in try await central.call(query) }
    }

    func refusalError(_ refusal: CentralRefusal, day: LocalDay) throws(QueueBackendError) -> QueueBackendError {
        switch refusal.sqlState {
        case "SQ001": return .officeDay(.alreadyClosed(day: day))
        default: return .unavailable(reason: refusal.message)
        }
    }

    static func guarded<T>(_ body: () async throws(PostgresCentralError) -> T) async throws(QueueBackendError) -> T {
        do { return try await body() } catch { throw .unavailable(reason: error.description) }
    }
}
