import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend {
    // The office day is stored as the model's `OfficeDay` value (its counter events) in one
    // row per local day, read and written inside the operation's transaction.

    func loadOfficeDay(_ day: LocalDay, _ db: Database) throws -> OfficeDay? {
        guard let text = try String.fetchOne(
            db.cachedStatement(sql: "SELECT state FROM queue_office_day WHERE local_day = ?"),
            arguments: [day.description]) else { return nil }
        do {
            return try JSONDecoder().decode(OfficeDay.self, from: Data(text.utf8))
        } catch {
            throw QueueBackendError.unavailable(reason: "giornata \(day) illeggibile nel database centrale")
        }
    }

    func saveOfficeDay(_ officeDay: OfficeDay, _ db: Database) throws {
        let text = String(decoding: try JSONEncoder().encode(officeDay), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO queue_office_day (local_day, opened_at, closed_at, state) VALUES (?, ?, ?, ?)
            ON CONFLICT (local_day) DO UPDATE SET opened_at = excluded.opened_at,
              closed_at = excluded.closed_at, state = excluded.state
            """).execute(arguments: [officeDay.day.description, officeDay.openedAt.map(ISOInstant.format),
                                     officeDay.closedAt.map(ISOInstant.format), text])
    }

    /// After the office closed for the day nobody is issued or called any more; a day that
    /// was never opened does not block.
    func refuseIfClosedToday(_ db: Database, _ day: LocalDay) throws {
        let closed = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT closed_at IS NOT NULL FROM queue_office_day WHERE local_day = ?
            """), arguments: [day.description]) ?? false
        if closed { throw QueueBackendError.officeDay(.alreadyClosed(day: day)) }
    }

    /// Counter activity is recorded only for counters with an operator signed in (scripts and
    /// benchmarks call from counters nobody signed in to).
    func changeOfficeDayIfStaffed(
        _ day: LocalDay, counter: Int, _ db: Database, _ change: (inout OfficeDay) throws -> Void
    ) throws {
        guard var officeDay = try loadOfficeDay(day, db), officeDay.operatorAt(counter: counter) != nil else { return }
        let before = officeDay
        try? change(&officeDay)
        if officeDay != before { try saveOfficeDay(officeDay, db) }
    }

    private func changeDay(
        _ change: @escaping @Sendable (inout OfficeDay, Date) throws(OfficeDayError) -> Void
    ) async throws {
        try await write { db, context in
            guard var officeDay = try self.loadOfficeDay(context.day, db) else {
                throw QueueBackendError.officeDay(.notOpen(day: context.day))
            }
            do throws(OfficeDayError) { try change(&officeDay, context.now) } catch { throw QueueBackendError.officeDay(error) }
            try self.saveOfficeDay(officeDay, db)
        }
    }

    public func openOffice() async throws {
        try await write { db, context in
            var officeDay = try self.loadOfficeDay(context.day, db) ?? OfficeDay(day: context.day)
            do throws(OfficeDayError) { try officeDay.open(at: context.now) } catch { throw QueueBackendError.officeDay(error) }
            try self.saveOfficeDay(officeDay, db)
        }
    }

    public func closeOffice(operatorID: String?) async throws -> EndOfDayReport {
        try await write { db, context in
            let day = context.day, now = context.now
            guard var officeDay = try self.loadOfficeDay(day, db) else {
                throw QueueBackendError.officeDay(.notOpen(day: day))
            }
            do throws(OfficeDayError) { try officeDay.close(at: now) } catch { throw QueueBackendError.officeDay(error) }
            let open = try TicketRows.loadAll(db, sql: """
                SELECT * FROM queue_ticket INDEXED BY queue_ticket_open
                WHERE local_day <= ? AND state IN ('waiting', 'parked', 'transferred', 'called', 'serving')
                  AND (state IN ('waiting', 'parked', 'transferred') OR local_day = ?)
                ORDER BY id
                """, arguments: [day.description, day.description])
            let (after, report) = OfficeDay.closeWaiting(open, at: now, operatorID: operatorID,
                                                         rules: context.config.rules)
            for (before, ticket) in zip(open, after) where before != ticket {
                try TicketRows.update(ticket, previousEventCount: before.history.count, db)
                try TicketRows.recordChange(ticketID: ticket.id, kind: TicketAction.closeAtEndOfDay.kind, at: now, db)
            }
            try self.saveOfficeDay(officeDay, db)
            // The day's report facts, kept with the closing (docs/REPORT.md).
            try self.writeReportSummary(day, db, now: now)
            return report
        }
    }

    public func signIn(counter: Int, operatorID: String) async throws {
        let config = try await configuration()
        guard config.counter(counter) != nil else { throw QueueBackendError.unknownCounter(number: counter) }
        try await changeDay { day, now throws(OfficeDayError) in
            try day.signIn(counter: counter, operatorID: operatorID, at: now)
        }
    }

    public func signOut(counter: Int) async throws {
        try await changeDay { day, now throws(OfficeDayError) in try day.signOut(counter: counter, at: now) }
    }

    public func pause(counter: Int, reason: PauseReason) async throws {
        try await changeDay { day, now throws(OfficeDayError) in
            try day.startPause(counter: counter, reason: reason, at: now)
        }
    }

    public func resume(counter: Int) async throws {
        try await changeDay { day, now throws(OfficeDayError) in try day.endPause(counter: counter, at: now) }
    }

    /// The office day record of a day (idle and pause reports).
    public func officeDay(_ day: LocalDay) async throws -> OfficeDay? {
        try await read { db, _ in try self.loadOfficeDay(day, db) }
    }
}
