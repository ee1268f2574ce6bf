import CruscottoModel
import Foundation
import GRDB

/// A counter station's own queue while the central database is unreachable: tickets issued
/// from the number blocks the central side reserved for this station (`A-701`), kept in the
/// station's store and called only here. Every step (issue, call, recall, start, no-show,
/// close) is written with its `queue.offline_ticket` outbox event in one transaction, so the
/// central side learns each once when the station is back. The rules are the model's
/// (`Ticket.applying`, `CallPolicy`), with the configuration last read from the central side.
public struct OfflineTicketDesk: Sendable {
    public let store: AppDatabase
    public let station: String
    public let policy: OfflineBlockPolicy

    public init(store: AppDatabase, station: String, policy: OfflineBlockPolicy = .standard) {
        self.store = store
        self.station = station
        self.policy = policy
    }

    var clock: any Clock { store.clock }

    // MARK: - Blocks and configuration (written while online)

    /// Keeps the queue configuration read from the central side, for the offline accoglienza.
    public func saveConfiguration(_ configuration: QueueConfiguration) throws {
        let doc = try Self.text(configuration)
        let now = StoredInstant.iso(clock.now())
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO offline_configuration (id, doc, saved_at) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, saved_at = excluded.saved_at
                """, arguments: [doc, now])
        }
    }

    public func configuration() throws -> QueueConfiguration? {
        try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT doc FROM offline_configuration WHERE id = 1")
        }.map { try Self.decode(QueueConfiguration.self, $0) }
    }

    /// Keeps a block reserved by the central side (a block already kept is left as it is).
    public func saveBlock(_ block: OfflineTicketBlock) throws {
        let now = StoredInstant.iso(clock.now())
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO offline_block (local_day, prefix, first_seq, last_seq, next_seq, reserved_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [block.day.description, block.prefix, block.first, block.last, block.first, now])
        }
    }

    /// Numbers still unused today per prefix (prefixes without a block are absent).
    public func remaining(day: LocalDay? = nil) throws -> [String: Int] {
        let day = day ?? LocalDay(containing: clock.now())
        return try store.writer.read { db in
            var left: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT prefix, sum(last_seq - next_seq + 1) AS left FROM offline_block WHERE local_day = ? GROUP BY prefix
                """, arguments: [day.description]) {
                left[row["prefix"]] = row["left"]
            }
            return left
        }
    }

    /// The prefixes of the configuration that need a new block today: none yet, or fewer
    /// than `policy.refillBelow` numbers left.
    public func prefixesToRefill(_ configuration: QueueConfiguration) throws -> [String] {
        let left = try remaining()
        let prefixes = Array(Set(configuration.services.map(\.prefix))).sorted()
        return prefixes.filter { (left[$0] ?? 0) < policy.refillBelow }
    }

    // MARK: - Tickets

    /// Issues a ticket from the oldest block of the service's prefix with numbers left.
    /// Refused when no configuration is known, for unknown or closed services and priorities,
    /// and when the blocks are exhausted ("numeri di riserva esauriti").
    public func issue(_ request: IssueRequest) throws -> Ticket {
        guard let config = try configuration() else { throw OfflineQueueError.noConfiguration }
        let now = Self.wholeSecond(clock.now())
        let day = LocalDay(containing: now)
        guard let service = config.service(request.serviceCode) else {
            throw QueueBackendError.unknownService(code: request.serviceCode)
        }
        guard service.isOpen(at: now) else { throw QueueBackendError.serviceClosed(message: service.closedMessage) }
        if let code = request.priority, config.priority(code) == nil {
            throw QueueBackendError.unknownPriority(code: code, known: config.priorities.map(\.code))
        }
        let station = self.station
        return try store.write { db in
            guard let block = try Row.fetchOne(db, sql: """
                SELECT first_seq, next_seq FROM offline_block
                WHERE local_day = ? AND prefix = ? AND next_seq <= last_seq ORDER BY first_seq LIMIT 1
                """, arguments: [day.description, service.prefix]) else {
                throw OfflineQueueError.exhausted(prefix: service.prefix, service: service.name)
            }
            let seq: Int = block["next_seq"]
            try db.execute(sql: "UPDATE offline_block SET next_seq = next_seq + 1 WHERE local_day = ? AND prefix = ? AND first_seq = ?",
                           arguments: [day.description, service.prefix, block["first_seq"] as Int])
            let ahead = try Self.open(db, day: day).filter { $0.state.isCallable }.count
            try db.execute(sql: """
                INSERT INTO offline_ticket (local_day, prefix, seq, state, doc) VALUES (?, ?, ?, 'waiting', '{}')
                """, arguments: [day.description, service.prefix, seq])
            var ticket = Ticket(
                id: -db.lastInsertedRowID, serviceCode: service.code, number: TicketNumber(prefix: service.prefix, seq: seq),
                arrival: now, priority: request.priority, contactID: request.contactID, phone: request.phone,
                note: request.note, issuedBy: request.counter, operatorID: request.operatorID)
            ticket.peopleAheadAtIssue = ahead
            ticket.estimatedWaitMinutes = request.estimatedWaitMinutes(peopleAhead: ahead, service: service, configuration: config)
            try Self.save(ticket, event: "issue", station: station, at: now, db)
            return ticket
        }
    }

    /// Calls the next offline ticket for this counter by the call rule (every service is
    /// served here: the offline tickets are this station's), with a new local token. Nil when
    /// none waits; refused while the counter holds an offline ticket.
    public func callNext(counter: Int, operatorID: String?) throws -> QueueClaim? {
        guard let config = try configuration() else { throw OfflineQueueError.noConfiguration }
        let now = Self.wholeSecond(clock.now())
        let day = LocalDay(containing: now)
        let station = self.station
        return try store.write { db in
            let open = try Self.open(db, day: day)
            if let held = open.first(where: { $0.state.isClaimed && $0.counter == counter }) {
                throw QueueBackendError.counterBusy(counter: counter, number: held.displayNumber, state: held.state)
            }
            let history = CounterCallHistory(calls: open.filter { $0.firstCalledAt != nil }
                .sorted { ($0.firstCalledAt!, $0.id) < ($1.firstCalledAt!, $1.id) }.map(\.isPriority))
            let profile = CounterProfile(code: "offline", name: "offline", serviceCodes: config.services.map(\.code))
            guard let next = CallPolicy(priority: config.priorityPolicy).next(
                waiting: open.filter(\.state.isCallable), counter: counter, profile: profile, now: now, history: history)
            else { return nil }
            let last = try Int64.fetchOne(db, sql: "SELECT max(token) FROM offline_ticket") ?? 0
            let token = FencingToken(last + 1)
            let called = try Self.applying(next, .call(token: token), token: token, now: now, counter: counter,
                                           operatorID: operatorID, rules: config.rules)
            try Self.save(called, event: "call", station: station, at: now, db)
            return QueueClaim(ticket: called, token: token)
        }
    }

    /// Applies an action to an offline ticket held by this counter (recall, start, no-show,
    /// close, cancel, link a contact); park and transfer need the central queue.
    public func transition(ticketID: Int64, token: FencingToken?, action: TicketAction, counter: Int, operatorID: String?) throws -> Ticket {
        switch action {
        case .park, .transfer:
            throw QueueBackendError.unavailable(reason: "sospendere o trasferire un biglietto di riserva non si può: "
                + "chiuderlo qui o emetterne uno nuovo quando il database centrale torna raggiungibile")
        default:
            break
        }
        guard let config = try configuration() else { throw OfflineQueueError.noConfiguration }
        let now = Self.wholeSecond(clock.now())
        let station = self.station
        return try store.write { db in
            guard let doc = try String.fetchOne(db, sql: "SELECT doc FROM offline_ticket WHERE id = ?", arguments: [-ticketID]) else {
                throw QueueBackendError.unknownTicket(id: ticketID)
            }
            let ticket = try Self.decode(Ticket.self, doc)
            let after = try Self.applying(ticket, action, token: token, now: now, counter: counter, operatorID: operatorID, rules: config.rules)
            try Self.save(after, event: OfflineTicketEvent.name(of: action), station: station, at: now, db)
            return after
        }
    }

    /// The offline ticket this counter holds (called or in service), if any.
    public func held(counter: Int) throws -> Ticket? {
        let day = LocalDay(containing: clock.now())
        return try store.writer.read { db in try Self.open(db, day: day) }
            .first { $0.state.isClaimed && $0.counter == counter }
    }

    /// Today's offline tickets still waiting, in arrival order.
    public func waiting() throws -> [Ticket] {
        let day = LocalDay(containing: clock.now())
        return try store.writer.read { db in try Self.open(db, day: day) }.filter(\.state.isCallable)
    }

    /// An offline ticket by its number (today).
    public func ticket(number: TicketNumber) throws -> Ticket? {
        let day = LocalDay(containing: clock.now())
        return try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT doc FROM offline_ticket WHERE local_day = ? AND prefix = ? AND seq = ?",
                                arguments: [day.description, number.prefix, number.seq])
        }.map { try Self.decode(Ticket.self, $0) }
    }

    // MARK: - Rows

    static func open(_ db: Database, day: LocalDay) throws -> [Ticket] {
        try String.fetchAll(db, sql: """
            SELECT doc FROM offline_ticket WHERE local_day = ? AND state NOT IN ('done', 'cancelled', 'no_show') ORDER BY id
            """, arguments: [day.description]).map { try decode(Ticket.self, $0) }
    }

    static func applying(_ ticket: Ticket, _ action: TicketAction, token: FencingToken?, now: Date, counter: Int,
                         operatorID: String?, rules: QueueRules) throws -> Ticket {
        do {
            return try ticket.applying(action, token: token, at: now, counter: counter, operatorID: operatorID, rules: rules)
        } catch {
            throw QueueBackendError.rule(error)
        }
    }

    /// Writes the ticket row and its outbox event (inside the caller's transaction).
    static func save(_ ticket: Ticket, event: String, station: String, at now: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE offline_ticket SET state = ?, counter = ?, token = ?, doc = ? WHERE id = ?",
                       arguments: [ticket.state.rawValue, ticket.counter, ticket.token?.value, try text(ticket), -ticket.id])
        let payload = OfflineTicketEvent(station: station, event: event, number: ticket.displayNumber,
                                         day: ticket.day.description, at: StoredInstant.iso(now), ticket: ticket)
        try OutboxEvent.appendJSON(db, type: OfflineTicketEvent.type, payloadVersion: OfflineTicketEvent.payloadVersion,
                                   json: try payload.json(), at: now)
    }

    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }

    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
