import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend {
    /// The facts of the report for the local days `from…to` (docs/REPORT.md): closed days
    /// from their stored summaries (`queue_report_day`), every other day from its tickets.
    /// Closed days that have no summary yet (closed before summaries existed, or changed
    /// after the closing) are summarised first, each in its own short write transaction;
    /// if that cannot be done (a busy file) they are computed from their tickets like the
    /// open days. Both ways give the same facts.
    public func reportFacts(from: LocalDay, to: LocalDay) async throws -> QueueReportFacts {
        let now = ISOInstant.wholeSecond(clock.now())
        await summariseClosedDays(from: from, to: to)
        let summaries = try await read { db, _ in try self.reportSummaries(db, from: from, to: to) }
        var total = ReportFactsAccumulator()
        for facts in summaries.values { total.add(facts) }
        // The days without a summary, in runs of consecutive days, computed from tickets.
        var runStart: LocalDay?
        var day = from
        while day <= to {
            let summarised = summaries[day] != nil
            if !summarised && runStart == nil { runStart = day }
            if let start = runStart, summarised || day == to {
                let end = summarised ? day.addingDays(-1) : day
                total.add(try await reportFactsFromTickets(from: start, to: end, now: now))
                runStart = nil
            }
            day = day.addingDays(1)
        }
        return total.facts(from: from, to: to)
    }

    /// The facts of `from…to` computed from tickets, events and office days only, ignoring
    /// the summaries (the tests compare both ways).
    func reportFactsFromTickets(from: LocalDay, to: LocalDay) async throws -> QueueReportFacts {
        try await reportFactsFromTickets(from: from, to: to, now: ISOInstant.wholeSecond(clock.now()))
    }

    /// Tickets are found through their id range: ids grow with the issue instant, so the
    /// tickets of a range of days are one contiguous run of rowids, read without index
    /// lookups; every query still checks `local_day`, so the answer is right even if they
    /// were not. Their events are read on the events' primary key (ticket_id, ordinal) over
    /// the same run. Ticket queries, event queries and office days run on three connections at once.
    private func reportFactsFromTickets(from: LocalDay, to: LocalDay, now: Date) async throws -> QueueReportFacts {
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

    /// The same, on one connection inside the caller's transaction (a day's summary).
    func reportFactsFromTickets(_ db: Database, from: LocalDay, to: LocalDay, now: Date) throws -> QueueReportFacts {
        var facts = QueueReportFacts(from: from, to: to)
        if let range = try QueueReportSQL.idRange(db, from: from, to: to) {
            let t = try QueueReportSQL.ticketFacts(db, from: from, to: to, range: range)
            let e = try QueueReportSQL.eventFacts(db, from: from, to: to, range: range)
            facts.waits = t.waits
            facts.arrivals = t.arrivals
            facts.endings = t.endings
            facts.estimates = t.estimates
            facts.serviceTimes = e.serviceTimes
            facts.eventCounts = e.counts
        }
        facts.counterDays = try reportCounterDays(db, from: from, to: to, now: now)
        facts.normalize()
        return facts
    }

    /// Counters' time per office day of the range (open intervals end at the closing, else at
    /// the end of that day or now, whichever is earlier).
    func reportCounterDays(_ db: Database, from: LocalDay, to: LocalDay, now: Date) throws -> [ReportCounterDay] {
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
