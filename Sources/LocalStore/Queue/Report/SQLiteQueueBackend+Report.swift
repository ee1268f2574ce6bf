import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend {
    /// The facts of the report for the local days `from…to`, aggregated in SQL (docs/REPORT.md).
    ///
    /// Tickets are found through their id range: ids grow with the issue instant, so the
    /// tickets of a range of days are one contiguous run of rowids, read without index
    /// lookups; every query still checks `local_day`, so the answer is right even if they
    /// were not. Their events are read on the events' primary key (ticket_id, ordinal) over
    /// the same run. The ticket queries and the event queries run on two connections at once.
    public func reportFacts(from: LocalDay, to: LocalDay) async throws -> QueueReportFacts {
        let now = ISOInstant.wholeSecond(clock.now())
        let range = try await read { db, _ in try QueueReportSQL.idRange(db, from: from, to: to) }
        var facts = QueueReportFacts(from: from, to: to)
        guard let range else {
            facts.counterDays = try await read { db, _ in
                try self.reportCounterDays(db, from: from, to: to, now: now)
            }
            return facts
        }
        async let tickets = read { db, _ in try QueueReportSQL.ticketFacts(db, from: from, to: to, range: range) }
        async let events = read { db, _ in try QueueReportSQL.eventFacts(db, from: from, to: to, range: range) }
        async let counters = read { db, _ in try self.reportCounterDays(db, from: from, to: to, now: now) }
        let t = try await tickets, e = try await events
        facts.waits = t.waits
        facts.arrivals = t.arrivals
        facts.endings = t.endings
        facts.estimates = t.estimates
        facts.serviceTimes = e.serviceTimes
        facts.eventCounts = e.counts
        facts.counterDays = try await counters
        facts.normalize()
        return facts
    }

    /// Counters' time per office day of the range (open intervals end at the closing, else at
    /// the end of that day or now, whichever is earlier).
    private func reportCounterDays(_ db: Database, from: LocalDay, to: LocalDay, now: Date) throws -> [ReportCounterDay] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT local_day, state FROM queue_office_day WHERE local_day BETWEEN ? AND ? ORDER BY local_day
            """, arguments: [from.description, to.description])
        return try rows.flatMap { row -> [ReportCounterDay] in
            let text: String = row["state"]
            guard let day = LocalDay(iso: row["local_day"]) else { return [] }
            let next = day.addingDays(1)
            let endOfDay = OfficeCalendar.rome.date(
                from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? now
            if let scanned = OfficeDayScanner.scan(text) {
                return ReportCounterDay.counters(day: day, events: scanned.events, closedAt: scanned.closedAt,
                                                 until: min(now, endOfDay))
            }
            do {
                let officeDay = try JSONDecoder().decode(OfficeDay.self, from: Data(text.utf8))
                return ReportCounterDay.counters(of: officeDay, until: min(now, endOfDay))
            } catch {
                throw QueueBackendError.unavailable(reason: "giornata \(day) illeggibile nel database centrale")
            }
        }
    }
}
