import CruscottoModel
import Foundation
import GRDB

/// Maps `Ticket` values to the rows of `queue_ticket`, `queue_ticket_event` and the change
/// log's snapshots. A ticket's history is append-only, so a snapshot only records how many
/// events the ticket had (`event_count`) and the history is its first events.
enum TicketRows {
    private static let columnList = CentralQueueSchema.snapshotColumns.joined(separator: ", ")
    private static let placeholders = CentralQueueSchema.snapshotColumns.map { _ in "?" }.joined(separator: ", ")
    private static let assignments = CentralQueueSchema.snapshotColumns.map { "\($0) = ?" }.joined(separator: ", ")

    static func snapshotValues(_ t: Ticket) -> [DatabaseValue] {
        func v(_ value: (any DatabaseValueConvertible)?) -> DatabaseValue { value?.databaseValue ?? .null }
        return [
            v(t.day.description), v(ISOInstant.localHour(t.arrival)), v(t.serviceCode), v(t.issuedServiceCode),
            v(t.number.prefix), v(t.number.seq), v(t.priority), v(t.isPriority ? 1 : 0),
            v(ISOInstant.format(t.arrival)), v(t.estimatedWaitMinutes), v(t.peopleAheadAtIssue),
            v(t.contactID), v(t.phone), v(t.note), v(t.state.rawValue), v(ISOInstant.format(t.stateSince)),
            v(t.counter), v(t.operatorID), v(t.targetCounter), v(t.token?.value), v(t.recallCount),
            v(t.firstCalledAt.map(ISOInstant.format)), v(t.outcome), v(encodeList(t.procedures)),
            v(t.history.count),
        ]
    }

    /// Inserts a new ticket and its history; returns the id the table gave it.
    static func insert(_ ticket: Ticket, _ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO queue_ticket (\(columnList)) VALUES (\(placeholders))")
        try statement.execute(arguments: StatementArguments(snapshotValues(ticket)))
        let id = db.lastInsertedRowID
        var stored = ticket
        stored.id = id
        try appendEvents(of: stored, after: 0, db)
        return id
    }

    /// Writes a changed ticket and the events it gained since `previousEventCount`.
    static func update(_ ticket: Ticket, previousEventCount: Int, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "UPDATE queue_ticket SET \(assignments) WHERE id = ?")
        try statement.execute(arguments: StatementArguments(snapshotValues(ticket) + [ticket.id.databaseValue]))
        try appendEvents(of: ticket, after: previousEventCount, db)
    }

    /// Appends the change-log row for a ticket as it is now in `queue_ticket`.
    static func recordChange(ticketID: Int64, kind: String, at now: Date, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO queue_change (kind, at, ticket_id, \(columnList))
            SELECT ?, ?, id, \(columnList) FROM queue_ticket WHERE id = ?
            """)
        try statement.execute(arguments: [kind, ISOInstant.format(now), ticketID])
    }

    private static func appendEvents(of ticket: Ticket, after count: Int, _ db: Database) throws {
        guard ticket.history.count > count else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO queue_ticket_event
              (ticket_id, ordinal, kind, at, local_day, hour, from_state, to_state, counter, operator_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for ordinal in count..<ticket.history.count {
            let e = ticket.history[ordinal]
            try statement.execute(arguments: [
                ticket.id, ordinal, e.kind, ISOInstant.format(e.at), ISOInstant.local(e.at).day.description,
                ISOInstant.localHour(e.at), e.from?.rawValue, e.to.rawValue, e.counter, e.operatorID, e.detail,
            ])
        }
    }

    // MARK: - Reading

    static func load(id: Int64, _ db: Database) throws -> Ticket? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM queue_ticket WHERE id = ?"),
                                         arguments: [id]) else { return nil }
        return try decode(row, id: id, events: events(of: [id], db)[id] ?? [])
    }

    static func load(day: LocalDay, number: TicketNumber, _ db: Database) throws -> Ticket? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM queue_ticket WHERE local_day = ? AND prefix = ? AND seq = ?"),
            arguments: [day.description, number.prefix, number.seq]) else { return nil }
        let id: Int64 = row["id"]
        return try decode(row, id: id, events: events(of: [id], db)[id] ?? [])
    }

    /// Tickets selected by a query on `queue_ticket` (all columns), in the query's order.
    static func loadAll(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Ticket] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        let ids = rows.map { $0["id"] as Int64 }
        let history = try events(of: ids, db)
        return try rows.map { row in
            let id: Int64 = row["id"]
            return try decode(row, id: id, events: history[id] ?? [])
        }
    }

    /// Histories of tickets by id, oldest event first.
    static func events(of ids: [Int64], _ db: Database) throws -> [Int64: [TicketEvent]] {
        var result: [Int64: [TicketEvent]] = [:]
        if ids.count == 1 {
            // The claim's and the transitions' path: one prepared statement.
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM queue_ticket_event WHERE ticket_id = ? ORDER BY ordinal"),
                arguments: [ids[0]])
            result[ids[0]] = try rows.map(event)
            return result
        }
        let unique = Array(Set(ids))
        var start = 0
        while start < unique.count {
            let chunk = unique[start..<min(unique.count, start + 500)]
            start += 500
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM queue_ticket_event WHERE ticket_id IN (\(marks)) ORDER BY ticket_id, ordinal",
                arguments: StatementArguments(Array(chunk)))
            for row in rows {
                result[row["ticket_id"], default: []].append(try event(row))
            }
        }
        return result
    }

    private static func event(_ row: Row) throws -> TicketEvent {
        TicketEvent(
            kind: row["kind"], at: try instant(row["at"]),
            from: (row["from_state"] as String?).flatMap(TicketState.init(rawValue:)),
            to: TicketState(rawValue: row["to_state"]) ?? .waiting,
            counter: row["counter"], operatorID: row["operator_id"], detail: row["detail"])
    }

    /// A ticket from a `queue_ticket` row or a change-log snapshot, with the first
    /// `event_count` events of its history.
    static func decode(_ row: Row, id: Int64, events: [TicketEvent]) throws -> Ticket {
        guard let day = LocalDay(iso: row["local_day"]), let state = TicketState(rawValue: row["state"]) else {
            throw QueueBackendError.unavailable(reason: "biglietto \(id) illeggibile nel database centrale")
        }
        let arrival = try instant(row["arrival"])
        var ticket = Ticket(id: id, serviceCode: row["issued_service_code"],
                            number: TicketNumber(prefix: row["prefix"], seq: row["seq"]), arrival: arrival)
        ticket.serviceCode = row["service_code"]
        ticket.day = day
        ticket.priority = row["priority"]
        ticket.estimatedWaitMinutes = row["estimated_wait_minutes"]
        ticket.peopleAheadAtIssue = row["people_ahead"]
        ticket.contactID = row["contact_id"]
        ticket.phone = row["phone"]
        ticket.note = row["note"]
        ticket.state = state
        ticket.stateSince = try instant(row["state_since"])
        ticket.counter = row["counter"]
        ticket.operatorID = row["operator_id"]
        ticket.targetCounter = row["target_counter"]
        ticket.token = (row["token"] as Int64?).map(FencingToken.init)
        ticket.recallCount = row["recall_count"]
        ticket.firstCalledAt = try (row["first_called_at"] as String?).map(instant)
        ticket.outcome = row["outcome"]
        ticket.procedures = decodeList(row["procedures"])
        let count: Int = row["event_count"]
        ticket.history = Array(events.prefix(count))
        return ticket
    }

    static func instant(_ text: String) throws -> Date {
        guard let date = ISOInstant.parse(text) else {
            throw QueueBackendError.unavailable(reason: "istante illeggibile nel database centrale: \(text)")
        }
        return date
    }

    /// Procedure codes as a JSON array of strings.
    static func encodeList(_ values: [String]) -> String {
        guard !values.isEmpty else { return "[]" }
        let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeList(_ text: String) -> [String] {
        text == "[]" ? [] : (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
