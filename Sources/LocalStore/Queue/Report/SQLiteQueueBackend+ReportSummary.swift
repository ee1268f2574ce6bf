import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend {
    // Per-day summaries of the report (`queue_report_day`, docs/REPORT.md): the day's facts
    // computed from its tickets when the office closes, in the closing's transaction.

    /// Computes the facts of `day` from its tickets and stores them as the day's summary.
    func writeReportSummary(_ day: LocalDay, _ db: Database, now: Date) throws {
        let facts = try reportFactsFromTickets(db, from: day, to: day, now: now)
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO queue_report_day (local_day, format, facts) VALUES (?, ?, ?)
            """).execute(arguments: [day.description, ReportDaySummaryCodec.format,
                                     Data(ReportDaySummaryCodec.encode(facts))])
    }

    /// The stored summaries of the range by day (rows of another format, or unreadable, are
    /// left out: those days are computed from tickets).
    func reportSummaries(_ db: Database, from: LocalDay, to: LocalDay) throws -> [LocalDay: QueueReportFacts] {
        var result: [LocalDay: QueueReportFacts] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT local_day, facts FROM queue_report_day WHERE local_day BETWEEN ? AND ? AND format = ?
            """, arguments: [from.description, to.description, ReportDaySummaryCodec.format])
        while let row = try rows.next() {
            guard let day = LocalDay(iso: row[0]) else { continue }
            let blob: Data = row[1]
            if let facts = ReportDaySummaryCodec.decode([UInt8](blob), day: day) { result[day] = facts }
        }
        return result
    }

    /// Summarises the closed days of the range that have no summary, one write transaction
    /// per day (each a few milliseconds, so the queue's operations are never held long).
    /// Best effort: a day that cannot be written now is computed from tickets by the caller.
    func summariseClosedDays(from: LocalDay, to: LocalDay) async {
        let missingSQL = """
            SELECT d.local_day FROM queue_office_day d
            WHERE d.local_day BETWEEN ? AND ? AND d.closed_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM queue_report_day r WHERE r.local_day = d.local_day AND r.format = ?)
            ORDER BY d.local_day
            """
        guard let missing = try? await read({ db, _ in
            try String.fetchAll(db, sql: missingSQL, arguments: [from.description, to.description,
                                                                 ReportDaySummaryCodec.format])
        }) else { return }
        for text in missing {
            guard let day = LocalDay(iso: text) else { continue }
            _ = try? await write { db, context in
                // Checked again under the write lock: the day may have changed since.
                let still = try String.fetchOne(db, sql: missingSQL + " LIMIT 1",
                                                arguments: [text, text, ReportDaySummaryCodec.format])
                if still != nil { try self.writeReportSummary(day, db, now: context.now) }
            }
        }
    }
}
