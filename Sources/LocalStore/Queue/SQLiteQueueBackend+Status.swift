import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend {
    /// The queue panel's picture, read from one snapshot of the file.
    public func status() async throws -> QueueStatus {
        try await read { db, context in
            let config = context.config, now = context.now, day = context.day.description
            var lines: [QueueStatus.ServiceLine] = []
            for service in config.services {
                let counts = try Row.fetchOne(db, sql: """
                    SELECT count(*) AS waiting, coalesce(sum(is_priority), 0) AS priority FROM queue_ticket
                    WHERE local_day = ? AND service_code = ? AND state IN ('waiting', 'parked', 'transferred')
                      AND target_counter IS NULL
                    """, arguments: [day, service.code])
                let longest = try Row.fetchOne(db, sql: """
                    SELECT prefix, seq, arrival FROM queue_ticket
                    WHERE local_day = ? AND service_code = ? AND state IN ('waiting', 'parked', 'transferred')
                      AND target_counter IS NULL
                    ORDER BY arrival, id LIMIT 1
                    """, arguments: [day, service.code])
                let arrival = try (longest?["arrival"] as String?).map(TicketRows.instant)
                lines.append(QueueStatus.ServiceLine(
                    serviceCode: service.code, name: service.name, prefix: service.prefix,
                    isOpen: service.isOpen(at: now), waiting: counts?["waiting"] ?? 0,
                    priorityWaiting: counts?["priority"] ?? 0,
                    longestWaitMinutes: arrival.map { Int(now.timeIntervalSince($0) / 60) },
                    longestWaitNumber: longest.map { TicketNumber(prefix: $0["prefix"], seq: $0["seq"]).display }))
            }
            var held: [Int: (number: String, state: TicketState)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT counter, prefix, seq, state FROM queue_ticket INDEXED BY queue_ticket_held
                WHERE local_day = ? AND state IN ('called', 'serving') ORDER BY id
                """, arguments: [day]) {
                let counter: Int = row["counter"]
                if held[counter] == nil {
                    held[counter] = (TicketNumber(prefix: row["prefix"], seq: row["seq"]).display,
                                     TicketState(rawValue: row["state"]) ?? .called)
                }
            }
            var directed: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT target_counter, count(*) AS n FROM queue_ticket
                WHERE local_day = ? AND state IN ('waiting', 'parked', 'transferred') AND target_counter IS NOT NULL
                GROUP BY target_counter
                """, arguments: [day]) {
                directed[row["target_counter"]] = row["n"]
            }
            let officeDay = try self.loadOfficeDay(context.day, db)
            let counters = config.counters.map { counter in
                let current = held[counter.number]
                var line = QueueStatus.CounterLine(
                    number: counter.number, label: counter.label, operatorID: nil, activity: .closed,
                    pauseReason: nil, since: nil, ticketNumber: current?.number, ticketState: current?.state,
                    directedWaiting: directed[counter.number] ?? 0)
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
            return QueueStatus(at: now, day: context.day, officeOpen: officeDay?.isOpen ?? false,
                               services: lines, counters: counters)
        }
    }
}
