import CruscottoModel
import Foundation
import GRDB

extension PostgresQueueBackend {
    /// Copies the tickets and office days of `from…to` from a central file (as written by
    /// `QueueReportYearLoader`) into this central database, one day per transaction, as rows
    /// the queue functions would have written (benchmarks; the owner's role). The report of
    /// both must then agree.
    public func copyReportDays(from file: SQLiteQueueBackend, first: LocalDay, last: LocalDay) async throws {
        var day = first
        while day <= last {
            let dayText = day.description
            let tickets = try await file.read { db, _ in
                try TicketRows.loadAll(db, sql: "SELECT * FROM queue_ticket WHERE local_day = ? ORDER BY id",
                                       arguments: [dayText])
            }
            let officeDay = try await file.officeDay(day)
            if !tickets.isEmpty || officeDay != nil {
                let ticketDocs = try QueueJSON.text(tickets)
                let officeDoc = try officeDay.map { try QueueJSON.text($0) }
                let closed = officeDay?.closedAt != nil
                _ = try await textGuarded("""
                    WITH docs AS (SELECT d FROM jsonb_array_elements(\(ticketDocs)::jsonb) AS d),
                    tickets AS (
                        INSERT INTO sportello.queue_ticket (id, local_day, prefix, seq, service_code, is_priority,
                                                            arrival, state, target_counter, counter, token, version, doc)
                        SELECT (d->>'id')::bigint, \(dayText)::date, d->'number'->>'prefix', (d->'number'->>'seq')::integer,
                               d->>'serviceCode', d ? 'priority', to_timestamp((d->>'arrival')::double precision),
                               d->>'state', (d->>'targetCounter')::integer, (d->>'counter')::integer,
                               (d->>'token')::bigint, 1, d
                          FROM docs
                        RETURNING 1
                    ), office AS (
                        INSERT INTO sportello.queue_office_day (local_day, version, closed, doc)
                        SELECT \(dayText)::date, 1, \(closed), \(officeDoc)::jsonb WHERE \(officeDoc)::jsonb IS NOT NULL
                        RETURNING 1
                    )
                    SELECT ((SELECT count(*) FROM tickets) + (SELECT count(*) FROM office))::text
                    """)
            }
            day = day.addingDays(1)
        }
        _ = try await textGuarded("""
            SELECT setval('sportello.queue_ticket_id_seq', greatest(1, (SELECT max(id) FROM sportello.queue_ticket)))::text
            """)
    }
}
