import CruscottoModel
import Foundation

extension PostgresQueueBackend: QueueReportSource {
    // The report on the central PostgreSQL database (docs/REPORT.md): one call of
    // `sportello.queue_report_get` gives the closed days' stored summaries and, for every
    // other day of the range, its tickets and office day, from which the model computes the
    // facts (`QueueReportFacts(from:to:tickets:officeDays:until:)`, the same definitions the
    // embedded file's SQL is tested against). A closed day whose tickets are all finished
    // then gets its summary stored (`queue_report_day_put`), so a year is read mostly from
    // summaries.

    struct ReportAnswer: Decodable {
        struct Summary: Decodable {
            var day: String
            var facts: String
        }

        struct StoredOfficeDay: Decodable {
            var day: String
            var version: Int
            var closed: Bool
            var doc: OfficeDay
        }

        struct DayTickets: Decodable {
            var day: String
            var tickets: Int64
            var versions: Int64
            var open: Int64
        }

        var summaries: [Summary]
        // swiftlint:disable:next identifier_name
        var office_days: [StoredOfficeDay]
        var tickets: [Ticket]
        var days: [DayTickets]
    }

    public func reportFacts(from: LocalDay, to: LocalDay) async throws -> QueueReportFacts {
        let now = clock.now()
        var total = ReportFactsAccumulator()
        var unreadable: [LocalDay] = []
        // A week per call: days without a summary travel as their tickets' documents (a
        // busy day is megabytes), so a long range is never one huge answer.
        var start = from
        while start <= to {
            let end = min(to, start.addingDays(Self.reportDaysPerCall - 1))
            let answer = try await readReport(from: start, to: end, format: ReportDaySummaryCodec.format)
            for summary in answer.summaries {
                guard let day = LocalDay(iso: summary.day) else { continue }
                if let bytes = Self.bytes(hex: summary.facts), let facts = ReportDaySummaryCodec.decode(bytes, day: day) {
                    total.add(facts)
                } else {
                    unreadable.append(day)
                }
            }
            try await addDays(answer, to: &total, now: now, storeSummaries: true)
            start = end.addingDays(1)
        }
        // A summary this program cannot read: that day again, from its tickets.
        for day in unreadable {
            let again = try await readReport(from: day, to: day, format: -1)
            try await addDays(again, to: &total, now: now, storeSummaries: true)
        }
        return total.facts(from: from, to: to)
    }

    /// The facts of `from…to` computed from tickets and office days only, ignoring the
    /// summaries (the tests compare both ways).
    func reportFactsFromTickets(from: LocalDay, to: LocalDay) async throws -> QueueReportFacts {
        var total = ReportFactsAccumulator()
        var start = from
        while start <= to {
            let end = min(to, start.addingDays(Self.reportDaysPerCall - 1))
            let answer = try await readReport(from: start, to: end, format: -1)
            try await addDays(answer, to: &total, now: clock.now(), storeSummaries: false)
            start = end.addingDays(1)
        }
        return total.facts(from: from, to: to)
    }

    static let reportDaysPerCall = 7

    private func readReport(from: LocalDay, to: LocalDay, format: Int) async throws(QueueBackendError) -> ReportAnswer {
        let fromText = from.description, toText = to.description
        let text = try await textGuarded(
            "SELECT sportello.queue_report_get(\(fromText)::date, \(toText)::date, \(format)::integer)::text")
        return try QueueJSON.decode(ReportAnswer.self, text)
    }

    /// Adds the facts of the answer's days computed from their tickets, one day at a time (the
    /// same facts as the whole range at once), storing the summary of each finished closed day.
    private func addDays(
        _ answer: ReportAnswer, to total: inout ReportFactsAccumulator, now: Date, storeSummaries: Bool
    ) async throws {
        let ticketsByDay = Dictionary(grouping: answer.tickets, by: \.day)
        var officeByDay: [LocalDay: ReportAnswer.StoredOfficeDay] = [:]
        for stored in answer.office_days {
            guard let day = LocalDay(iso: stored.day) else { continue }
            officeByDay[day] = stored
        }
        var countsByDay: [LocalDay: ReportAnswer.DayTickets] = [:]
        for counts in answer.days {
            guard let day = LocalDay(iso: counts.day) else { continue }
            countsByDay[day] = counts
        }
        for day in Set(ticketsByDay.keys).union(officeByDay.keys).sorted() {
            let office = officeByDay[day]
            let facts = QueueReportFacts(from: day, to: day, tickets: ticketsByDay[day] ?? [],
                                         officeDays: office.map { [$0.doc] } ?? [], until: now)
            total.add(facts)
            // Only once the closing is past for this clock: the day's facts no longer depend on now.
            guard storeSummaries, let office, office.closed, let closedAt = office.doc.closedAt, closedAt <= now
            else { continue }
            let counts = countsByDay[day] ?? ReportAnswer.DayTickets(day: office.day, tickets: 0, versions: 0, open: 0)
            let today = LocalDay(containing: now)
            guard counts.open == 0 || day < today else { continue }
            // Best effort: if the day changed since it was read, the central refuses it.
            let dayText = day.description, todayText = today.description
            let blob = ReportDaySummaryCodec.encode(facts).map { String(format: "%02x", $0) }.joined()
            _ = try? await textGuarded("""
                SELECT sportello.queue_report_day_put(\(dayText)::date, \(ReportDaySummaryCodec.format)::integer, \
                decode(\(blob), 'hex'), \(office.version)::integer, \(counts.tickets)::bigint, \(counts.versions)::bigint, \
                \(todayText)::date)::text
                """)
        }
    }

    /// The bytes of PostgreSQL's `encode(…, 'hex')`; nil for anything else.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
            i += 2
        }
        return bytes
    }
}
