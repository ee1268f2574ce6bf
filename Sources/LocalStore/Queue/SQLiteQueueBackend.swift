import CruscottoModel
import Foundation
import GRDB

/// The queue protocol on the embedded central SQLite file that the office host's processes
/// share. Every operation is one `BEGIN IMMEDIATE` transaction: it takes the file's write
/// lock before reading, so the numbers it hands out (ids, seqs, fencing tokens, change
/// positions) are set under the lock and two claims can never see the same waiting ticket.
/// The rules are the model's (`Ticket.applying`, `CallPolicy` ranks, `OfficeDay`), so the
/// answers equal `InMemoryQueueBackend`'s for the same requests.
///
/// Time comes only from the injected clock, read once per operation inside the lock and
/// truncated to the whole second (the tables store whole-second ISO-8601 UTC instants).
public final class SQLiteQueueBackend: QueueBackend {
    let writer: any DatabaseWriter
    let clock: any Clock
    private let cache = ConfigurationCache()

    /// A backend on an open central database whose migrations include `CentralQueueSchema`.
    /// Installs the default office configuration when the queue was never configured.
    public init(writer: any DatabaseWriter, clock: any Clock) throws {
        self.writer = writer
        self.clock = clock
        do {
            // Only a file that never had a queue configuration needs the write lock here.
            guard try writer.read({ db in try CentralQueueConfiguration.version(db) }) == nil else { return }
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try CentralQueueConfiguration.installDefaultIfMissing(db)
                    return .commit
                }
            }
        } catch {
            throw Self.backendError(error)
        }
    }

    /// What one operation sees: the configuration and the instant it runs at.
    struct Context {
        let config: QueueConfiguration
        let now: Date
        /// The Europe/Rome office day of `now`.
        let day: LocalDay

        init(config: QueueConfiguration, now: Date) {
            self.config = config
            self.now = now
            self.day = ISOInstant.local(now).day
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction; any error rolls everything back.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database, Context) throws -> T) async throws -> T {
        do {
            return try await writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let context = Context(config: try self.configuration(db), now: ISOInstant.wholeSecond(self.clock.now()))
                    result = try body(db, context)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.backendError(error)
        }
    }

    /// The same, for callers that must not suspend (the benchmark's workers, bulk loads).
    func writeNow<T>(_ body: (Database, Context) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let context = Context(config: try self.configuration(db), now: ISOInstant.wholeSecond(self.clock.now()))
                    result = try body(db, context)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.backendError(error)
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database, Context) throws -> T) async throws -> T {
        do {
            return try await writer.read { db in
                let context = Context(config: try self.configuration(db), now: ISOInstant.wholeSecond(self.clock.now()))
                return try body(db, context)
            }
        } catch {
            throw Self.backendError(error)
        }
    }

    static func backendError(_ error: any Error) -> QueueBackendError {
        switch error {
        case let error as QueueBackendError: error
        case let error as DatabaseError: .unavailable(reason: error.message ?? "\(error.resultCode)")
        default: .unavailable(reason: "\(error)")
        }
    }

    /// The configuration, reloaded only when `config_version` changed (another process may
    /// import a new one at any time).
    private func configuration(_ db: Database) throws -> QueueConfiguration {
        guard let version = try CentralQueueConfiguration.version(db) else {
            throw QueueBackendError.unavailable(reason: "la coda non è configurata nel database centrale")
        }
        if let cached = cache.get(version: version) { return cached }
        guard let config = try CentralQueueConfiguration.load(db) else {
            throw QueueBackendError.unavailable(reason: "la coda non è configurata nel database centrale")
        }
        let problems = config.validationProblems
        guard problems.isEmpty else { throw QueueBackendError.invalidConfiguration(problems: problems) }
        cache.set(config, version: version)
        return config
    }

    // MARK: - QueueBackend

    public func configuration() async throws -> QueueConfiguration {
        try await read { _, context in context.config }
    }

    /// Replaces the office's queue configuration (services import). Refused when it would
    /// leave tickets of today that are still open without their service.
    public func replaceConfiguration(_ config: QueueConfiguration) async throws {
        try await write { db, context in
            let kept = Set(config.services.map(\.code))
            let orphans = try String.fetchAll(db, sql: """
                SELECT DISTINCT service_code FROM queue_ticket
                WHERE local_day = ? AND state IN ('waiting', 'parked', 'transferred', 'called', 'serving')
                ORDER BY service_code
                """, arguments: [context.day.description]).filter { !kept.contains($0) }
            if !orphans.isEmpty {
                throw QueueBackendError.invalidConfiguration(problems: orphans.map {
                    "Il servizio \($0) ha ancora biglietti aperti oggi: non si può eliminare"
                })
            }
            try CentralQueueConfiguration.save(config, db)
        }
    }

    public func issue(_ request: IssueRequest) async throws -> Ticket {
        try await write { db, context in
            var single = IssueBatch(isBulk: false)
            return try self.issue(request, db, context, &single)
        }
    }

    /// Issues many tickets in one transaction (benchmarks and simulations load a day's
    /// tickets this way): the same checks and numbering as `issue`, one commit.
    public func issueInBulk(_ requests: [IssueRequest]) throws -> Int {
        try writeNow { db, context in
            var bulk = IssueBatch(isBulk: true)
            for request in requests {
                _ = try self.issue(request, db, context, &bulk)
            }
            return requests.count
        }
    }

    /// What a run of issues in one transaction (at one instant) can remember between tickets.
    private struct IssueBatch {
        let isBulk: Bool
        /// People ahead per service, counted once then kept up to date.
        var ahead: [String: Int] = [:]
        private var open: [String: Bool] = [:]

        init(isBulk: Bool) { self.isBulk = isBulk }

        mutating func isOpen(_ service: Service, at now: Date) -> Bool {
            if let known = open[service.code] { return known }
            let answer = service.isOpen(at: now)
            open[service.code] = answer
            return answer
        }
    }

    private func issue(
        _ request: IssueRequest, _ db: Database, _ context: Context, _ bulk: inout IssueBatch
    ) throws -> Ticket {
        let config = context.config, now = context.now, day = context.day
        guard let service = config.service(request.serviceCode) else {
            throw QueueBackendError.unknownService(code: request.serviceCode)
        }
        try refuseIfClosedToday(db, day)
        guard bulk.isOpen(service, at: now) else { throw QueueBackendError.serviceClosed(message: service.closedMessage) }
        if let code = request.priority, config.priority(code) == nil {
            throw QueueBackendError.unknownPriority(code: code, known: config.priorities.map(\.code))
        }
        if let counter = request.counter, config.counter(counter) == nil {
            throw QueueBackendError.unknownCounter(number: counter)
        }
        try db.cachedStatement(sql: """
            INSERT INTO queue_numbering (prefix, local_day, last_seq) VALUES (?, ?, 1)
            ON CONFLICT (prefix, local_day) DO UPDATE SET last_seq = last_seq + 1
            """).execute(arguments: [service.prefix, day.description])
        let numbered = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT last_seq FROM queue_numbering WHERE prefix = ? AND local_day = ?"),
            arguments: [service.prefix, day.description]) ?? 1
        let seq = try Self.seqAvoidingBlocks(numbered, prefix: service.prefix, day: day, db)
        var ticket = Ticket(
            id: 0, serviceCode: service.code, number: TicketNumber(prefix: service.prefix, seq: seq),
            arrival: now, priority: request.priority, contactID: request.contactID, phone: request.phone,
            note: request.note, issuedBy: request.counter, operatorID: request.operatorID)
        let ahead = try bulk.ahead[service.code] ?? waitingCount(service: service.code, day: day, db)
        if bulk.isBulk { bulk.ahead[service.code] = ahead + 1 }
        ticket.peopleAheadAtIssue = ahead
        // The issuer's live basis when it sent one (totem), else typical minutes; the same
        // function as every backend's.
        ticket.estimatedWaitMinutes = request.estimatedWaitMinutes(peopleAhead: ahead, service: service, configuration: config)
        ticket.id = try TicketRows.insert(ticket, db)
        try TicketRows.recordChange(ticketID: ticket.id, kind: "issue", at: now, db)
        return ticket
    }

    /// Tickets of a service waiting, parked or transferred to it (not to a counter), counted
    /// on the claim's own partial indexes.
    func waitingCount(service: String, day: LocalDay, _ db: Database) throws -> Int {
        let line = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM queue_ticket INDEXED BY queue_ticket_line
            WHERE local_day = ? AND service_code = ? AND state IN ('waiting', 'transferred') AND target_counter IS NULL
            """), arguments: [day.description, service]) ?? 0
        let parked = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM queue_ticket INDEXED BY queue_ticket_parked
            WHERE local_day = ? AND service_code = ? AND state = 'parked' AND target_counter IS NULL
            """), arguments: [day.description, service]) ?? 0
        return line + parked
    }

    public func claim(_ request: ClaimRequest) async throws -> QueueClaim? {
        try await write { db, context in try self.claim(request, db, context) }
    }

    /// A claim without suspending: the benchmark's workers time exactly this.
    public func claimNow(_ request: ClaimRequest) throws -> QueueClaim? {
        try writeNow { db, context in try self.claim(request, db, context) }
    }

    public func transition(_ request: TransitionRequest) async throws -> Ticket {
        try await write { db, context in try self.transition(request, db, context) }
    }

    public func transitionNow(_ request: TransitionRequest) throws -> Ticket {
        try writeNow { db, context in try self.transition(request, db, context) }
    }

    private func transition(_ request: TransitionRequest, _ db: Database, _ context: Context) throws -> Ticket {
        let config = context.config, now = context.now
        guard let ticket = try TicketRows.load(id: request.ticketID, db) else {
            throw QueueBackendError.unknownTicket(id: request.ticketID)
        }
        if ticket.day != context.day {
            throw QueueBackendError.ticketOfAnotherDay(number: ticket.number.display, day: ticket.day)
        }
        switch request.action {
        case .call:
            throw QueueBackendError.callNeedsClaim(number: ticket.number.display)
        case let .transfer(serviceCode, counter, _):
            if let serviceCode, config.service(serviceCode) == nil {
                throw QueueBackendError.unknownService(code: serviceCode)
            }
            if let counter, config.counter(counter) == nil { throw QueueBackendError.unknownCounter(number: counter) }
        default:
            break
        }
        let heldBy = ticket.state.isClaimed ? ticket.counter : nil
        let after = try apply(request.action, to: ticket, token: request.token, context,
                              counter: request.counter ?? heldBy, operatorID: request.operatorID, db)
        if let heldBy, !after.state.isClaimed {
            try changeOfficeDayIfStaffed(after.day, counter: heldBy, db) { day in
                try day.ticketReleased(counter: heldBy, at: now)
            }
        }
        return after
    }

    public func changes(after position: Int64, limit: Int) async throws -> QueueChangePage {
        try await read { db, _ in
            let size = max(1, limit)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM queue_change WHERE position > ? ORDER BY position LIMIT ?",
                arguments: [position, size + 1])
            let page = rows.prefix(size)
            let history = try TicketRows.events(of: page.map { $0["ticket_id"] }, db)
            let changes = try page.map { row in
                let id: Int64 = row["ticket_id"]
                return QueueChange(position: row["position"], kind: row["kind"], at: try TicketRows.instant(row["at"]),
                                   ticket: try TicketRows.decode(row, id: id, events: history[id] ?? []))
            }
            return QueueChangePage(changes: changes, lastPosition: changes.last?.position ?? position,
                                   hasMore: rows.count > size)
        }
    }

    public func ticket(number: TicketNumber) async throws -> Ticket {
        try await read { db, context in try self.ticketOfToday(number, context, db) }
    }

    // MARK: - Shared steps

    func ticketOfToday(_ number: TicketNumber, _ context: Context, _ db: Database) throws -> Ticket {
        guard let ticket = try TicketRows.load(day: context.day, number: number, db) else {
            throw QueueBackendError.unknownTicketNumber(number: number.display, day: context.day)
        }
        return ticket
    }

    /// Applies a rule of the model and writes the ticket, its new event and the change row.
    func apply(
        _ action: TicketAction, to ticket: Ticket, token: FencingToken?, _ context: Context,
        counter: Int?, operatorID: String?, _ db: Database
    ) throws -> Ticket {
        let after: Ticket
        do {
            after = try ticket.applying(action, token: token, at: context.now, counter: counter,
                                        operatorID: operatorID, rules: context.config.rules)
        } catch {
            throw QueueBackendError.rule(error)
        }
        try TicketRows.update(after, previousEventCount: ticket.history.count, db)
        try TicketRows.recordChange(ticketID: after.id, kind: action.kind, at: context.now, db)
        return after
    }
}
