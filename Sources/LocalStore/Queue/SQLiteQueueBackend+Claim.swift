import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend {
    /// The claim, inside the caller's `BEGIN IMMEDIATE` transaction: checks, the call rule
    /// over the lane heads, the model's call transition with the next fencing token, the
    /// counter's interleave history, and the change row.
    func claim(_ request: ClaimRequest, _ db: Database, _ context: Context) throws -> QueueClaim? {
        let config = context.config, now = context.now, day = context.day
        guard let counter = config.counter(request.counter) else {
            throw QueueBackendError.unknownCounter(number: request.counter)
        }
        guard let code = counter.profileCode, let profile = config.profile(code) else {
            throw QueueBackendError.counterWithoutProfile(number: counter.number)
        }
        try refuseIfClosedToday(db, day)
        if let held = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT prefix, seq, state FROM queue_ticket INDEXED BY queue_ticket_held
            WHERE local_day = ? AND counter = ? AND state IN ('called', 'serving') LIMIT 1
            """), arguments: [day.description, counter.number]) {
            throw QueueBackendError.counterBusy(
                counter: counter.number, number: TicketNumber(prefix: held["prefix"], seq: held["seq"]).display,
                state: TicketState(rawValue: held["state"]) ?? .called)
        }
        let stored = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT ordinary_since_priority FROM queue_counter_history WHERE local_day = ? AND counter = ?
            """), arguments: [day.description, counter.number])
        var history = CounterCallHistory(ordinaryCallsSinceLastPriority: stored?["ordinary_since_priority"])
        let chosen: Ticket
        switch request.target {
        case .next:
            let policy = CallPolicy(priority: config.priorityPolicy)
            guard let id = try Self.nextTicketID(
                db, day: day, counter: counter.number, profile: profile,
                cutoff: policy.promotionCutoff(now: now),
                priorityDue: history.priorityDue(interleave: policy.priority.interleave)),
                let ticket = try TicketRows.load(id: id, db)
            else { return nil }
            chosen = ticket
        case let .specific(number):
            chosen = try ticketOfToday(number, context, db)
        }
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM queue_sequence WHERE name = 'token'")) ?? 0
        let token = FencingToken(last + 1)
        let called = try apply(.call(token: token), to: chosen, token: nil, context,
                               counter: counter.number, operatorID: request.operatorID, db)
        try db.cachedStatement(sql: "UPDATE queue_sequence SET value = ? WHERE name = 'token'")
            .execute(arguments: [token.value])
        history.record(priority: called.isPriority)
        try db.cachedStatement(sql: """
            INSERT INTO queue_counter_history (local_day, counter, ordinary_since_priority) VALUES (?, ?, ?)
            ON CONFLICT (local_day, counter) DO UPDATE SET ordinary_since_priority = excluded.ordinary_since_priority
            """).execute(arguments: [day.description, counter.number, history.ordinaryCallsSinceLastPriority])
        try changeOfficeDayIfStaffed(day, counter: counter.number, db) { officeDay in
            try officeDay.ticketTaken(counter: counter.number, ticketID: called.id, at: now)
        }
        return QueueClaim(ticket: called, token: token)
    }

    /// The id of the next ticket for a counter by the call rule (docs/QUEUE.md): the head of
    /// each lane is one index seek (`LIMIT 1` in the index's own order), and only those heads
    /// are ranked with the same integers as `CallRank`.
    static func nextTicketID(
        _ db: Database, day: LocalDay, counter: Int, profile: CounterProfile, cutoff: Date?, priorityDue: Bool
    ) throws -> Int64? {
        let statement = try db.cachedStatement(sql: claimSQL(serviceCount: profile.serviceCodes.count))
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "day": day.description, "counter": counter,
            "cutoff": cutoff.map(ISOInstant.format), "due": priorityDue ? 1 : 0,
        ]
        for (i, code) in profile.serviceCodes.enumerated() { arguments["s\(i)"] = code }
        return try Int64.fetchOne(statement, arguments: StatementArguments(arguments))
    }

    /// The claim's query for a profile of `serviceCount` services (the text depends only on
    /// the count, so the prepared statement is reused).
    static func claimSQL(serviceCount: Int) -> String {
        let columns = "id, service_code, state, target_counter, is_priority, arrival, seq"
        var lanes = ["""
            SELECT * FROM (SELECT \(columns) FROM queue_ticket INDEXED BY queue_ticket_directed
              WHERE local_day = :day AND target_counter = :counter
                AND state IN ('waiting', 'parked', 'transferred') AND target_counter IS NOT NULL
              ORDER BY arrival, seq, id LIMIT 1)
            """]
        var preference = "CASE service_code"
        for i in 0..<serviceCount {
            lanes.append("""
                SELECT * FROM (SELECT \(columns) FROM queue_ticket INDEXED BY queue_ticket_parked
                  WHERE local_day = :day AND service_code = :s\(i) AND state = 'parked' AND target_counter IS NULL
                  ORDER BY arrival, seq, id LIMIT 1)
                """)
            for priority in [1, 0] {
                lanes.append("""
                    SELECT * FROM (SELECT \(columns) FROM queue_ticket INDEXED BY queue_ticket_line
                      WHERE local_day = :day AND service_code = :s\(i) AND is_priority = \(priority)
                        AND state IN ('waiting', 'transferred') AND target_counter IS NULL
                      ORDER BY arrival, seq, id LIMIT 1)
                    """)
            }
            preference += " WHEN :s\(i) THEN \(i)"
        }
        preference += " END"
        return """
            SELECT id FROM (
              SELECT *, CASE WHEN target_counter = :counter THEN 0
                             WHEN state = 'parked' THEN 1
                             WHEN :cutoff IS NOT NULL AND arrival <= :cutoff THEN 2
                             ELSE 3 END AS tier
              FROM (\(lanes.joined(separator: "\nUNION ALL\n"))))
            ORDER BY tier,
              CASE WHEN tier = 3 THEN \(preference) ELSE 0 END,
              CASE WHEN tier = 3 AND :due = 1 AND is_priority = 0 THEN 1 ELSE 0 END,
              arrival, seq, id
            LIMIT 1
            """
    }
}
