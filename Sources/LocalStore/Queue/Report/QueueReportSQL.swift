import CruscottoModel
import Foundation
import GRDB

/// The report's SQL over the central queue tables. Waits and times are whole seconds:
/// instants are stored as whole-second ISO-8601 UTC text, which `unixepoch` reads exactly.
enum QueueReportSQL {
    /// The run of ticket ids holding the range's tickets, and whether tickets of other days
    /// fall inside it (then event queries must check each ticket's day).
    struct IDRange: Sendable {
        var low: Int64
        var high: Int64
        var mixed: Bool
    }

    struct TicketFacts: Sendable {
        var waits: [ReportWaitCount] = []
        var arrivals: [ReportArrivalCount] = []
        var endings: [ReportEndingCount] = []
        var estimates: [ReportEstimateSum] = []
    }

    struct EventFacts: Sendable {
        var serviceTimes: [ReportServiceTime] = []
        var counts: [String: Int] = [:]
    }

    static func idRange(_ db: Database, from: LocalDay, to: LocalDay) throws -> IDRange? {
        let days = [from.description, to.description]
        guard let row = try Row.fetchOne(db, sql: """
            SELECT min(id) AS low, max(id) AS high, count(*) AS n FROM queue_ticket WHERE local_day BETWEEN ? AND ?
            """, arguments: StatementArguments(days)),
            let low = row["low"] as Int64?, let high = row["high"] as Int64? else { return nil }
        let n: Int64 = row["n"]
        // The run holds other days' tickets only if it has more rows than the range.
        var mixed = false
        if n != high - low + 1 {
            mixed = try (Int64.fetchOne(db, sql: """
                SELECT count(*) FROM queue_ticket WHERE id BETWEEN ? AND ? AND local_day NOT BETWEEN ? AND ?
                """, arguments: [low, high, from.description, to.description]) ?? 0) > 0
        }
        return IDRange(low: low, high: high, mixed: mixed)
    }

    static func ticketFacts(_ db: Database, from: LocalDay, to: LocalDay, range: IDRange) throws -> TicketFacts {
        let arguments: StatementArguments = [range.low, range.high, from.description, to.description]
        let scope = "id BETWEEN ? AND ? AND local_day BETWEEN ? AND ?"
        var facts = TicketFacts()
        // Four grouped scans of the same run of rows: each answer is small (waits are whole
        // seconds, so at most a few thousand distinct values per service).
        facts.waits = try Row.fetchAll(db, sql: """
            SELECT issued_service_code, is_priority, unixepoch(first_called_at) - unixepoch(arrival) AS wait, count(*)
            FROM queue_ticket WHERE \(scope) AND first_called_at IS NOT NULL
            GROUP BY issued_service_code, is_priority, wait
            """, arguments: arguments).map {
            ReportWaitCount(serviceCode: $0[0], isPriority: $0[1], seconds: $0[2], count: $0[3])
        }
        // Arrivals, endings and estimate errors in one more scan, grouped by day and hour (a
        // few thousand groups over a year), folded in Swift.
        var arrivals: [ReportArrivalKey: Int] = [:]
        var endings: [ReportEndingKey: Int] = [:]
        var estimates: [String: ReportEstimateSum] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT local_day, hour, issued_service_code, state, outcome, first_called_at IS NOT NULL AS was_called,
                   count(*), count(error), sum(error), sum(abs(error)), sum(error <= 300)
            FROM (SELECT local_day, hour, issued_service_code, state, outcome, first_called_at,
                         unixepoch(first_called_at) - unixepoch(arrival) - estimated_wait_minutes * 60 AS error
                  FROM queue_ticket WHERE \(scope))
            GROUP BY local_day, hour, issued_service_code, state, outcome, was_called
            """, arguments: arguments)
        while let row = try rows.next() {
            let n: Int = row[6]
            guard let day = LocalDay(iso: row[0]), let state = TicketState(rawValue: row[3]) else {
                throw QueueBackendError.unavailable(reason: "biglietto illeggibile nel database centrale")
            }
            let service: String = row[2]
            arrivals[ReportArrivalKey(day: day, hour: row[1]), default: 0] += n
            endings[ReportEndingKey(serviceCode: service, state: state, outcome: row[4], wasCalled: row[5]), default: 0] += n
            let compared: Int = row[7]
            guard compared > 0 else { continue }
            var sum = estimates[service] ?? ReportEstimateSum(serviceCode: service, count: 0, errorSeconds: 0,
                                                              absoluteErrorSeconds: 0, withinFiveMinutes: 0)
            sum.count += compared
            sum.errorSeconds += row[8] as Int
            sum.absoluteErrorSeconds += row[9] as Int
            sum.withinFiveMinutes += row[10] as Int
            estimates[service] = sum
        }
        facts.arrivals = arrivals.map { ReportArrivalCount(day: $0.key.day, hour: $0.key.hour, count: $0.value) }
        facts.endings = endings.map {
            ReportEndingCount(serviceCode: $0.key.serviceCode, state: $0.key.state, outcome: $0.key.outcome,
                              wasCalled: $0.key.wasCalled, count: $0.value)
        }
        facts.estimates = Array(estimates.values)
        return facts
    }

    static func eventFacts(_ db: Database, from: LocalDay, to: LocalDay, range: IDRange) throws -> EventFacts {
        var facts = EventFacts()
        let days = [from.description, to.description]
        // The counted kinds, over the same primary-key run (a filtered scan: cheaper than any
        // index the claim path would have to maintain).
        let kinds = QueueReportFacts.countedEventKinds.sorted()
        let marks = kinds.map { "'\($0)'" }.joined(separator: ", ")
        let counts = range.mixed
            ? """
              SELECT e.kind, count(*) FROM queue_ticket_event e
              JOIN queue_ticket t ON t.id = e.ticket_id
              WHERE e.kind IN (\(marks)) AND e.ticket_id BETWEEN ? AND ? AND t.local_day BETWEEN ? AND ?
              GROUP BY e.kind
              """
            : """
              SELECT kind, count(*) FROM queue_ticket_event
              WHERE kind IN (\(marks)) AND ticket_id BETWEEN ? AND ? AND ? <= ? GROUP BY kind
              """
        let values: [any DatabaseValueConvertible] = [range.low, range.high, days[0], days[1]]
        for row in try Row.fetchAll(db, sql: counts, arguments: StatementArguments(values)) {
            facts.counts[row[0]] = row[1]
        }
        // A serving interval runs from the event entering `serving` (always `start_service`)
        // to the ticket's next event.
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.service_code, s.counter, s.operator_id, count(DISTINCT s.ticket_id),
                   sum(unixepoch(n.at) - unixepoch(s.at))
            FROM queue_ticket_event s
            JOIN queue_ticket_event n ON n.ticket_id = s.ticket_id AND n.ordinal = s.ordinal + 1
            JOIN queue_ticket t ON t.id = s.ticket_id
            WHERE s.kind = 'start_service' AND s.ticket_id BETWEEN ? AND ? AND s.counter IS NOT NULL
              AND t.local_day BETWEEN ? AND ?
            GROUP BY t.service_code, s.counter, s.operator_id
            """, arguments: StatementArguments([range.low, range.high] + days))
        facts.serviceTimes = rows.map {
            ReportServiceTime(serviceCode: $0[0], counter: $0[1], operatorID: $0[2], tickets: $0[3], seconds: $0[4])
        }
        return facts
    }
}
