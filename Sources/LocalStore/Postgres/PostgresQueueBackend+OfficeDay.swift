import CruscottoModel
import Foundation

extension PostgresQueueBackend {
    struct DayAnswer: Decodable {
        var tickets: [Ticket]
        var office: OfficeDay?
        // swiftlint:disable:next identifier_name
        var office_version: Int
    }

    func readDay(_ day: LocalDay) async throws(QueueBackendError) -> DayAnswer {
        let dayText = day.description
        return try QueueJSON.decode(DayAnswer.self, try await textGuarded("SELECT sportello.queue_day_get(\(dayText)::date)::text"))
    }

    public func status() async throws -> QueueStatus {
        let now = clock.now()
        let day = LocalDay(containing: now)
        let answer = try await readDay(day)
        return QueueStatusBuilder.status(configuration: config, tickets: answer.tickets, officeDay: answer.office, now: now)
    }

    public func openOffice() async throws {
        try await changeDay(opening: true) { officeDay, now throws(OfficeDayError) in try officeDay.open(at: now) }
    }

    public func closeOffice(operatorID: String?) async throws -> EndOfDayReport {
        for _ in 0..<50 {
            let now = clock.now()
            let day = LocalDay(containing: now)
            let answer = try await readDay(day)
            guard var officeDay = answer.office else { throw QueueBackendError.officeDay(.notOpen(day: day)) }
            do { try officeDay.close(at: now) } catch { throw QueueBackendError.officeDay(error) }
            let dayText = day.description
            let openText = try await textGuarded("SELECT sportello.queue_open_tickets(\(dayText)::date)::text")
            let open = try QueueJSON.decode([TicketAnswer].self, openText)
            let (after, report) = OfficeDay.closeWaiting(open.map(\.ticket), at: now, operatorID: operatorID, rules: config.rules)
            var changed: [ClosedTicket] = []
            for (before, ticket) in zip(open, after) where before.ticket != ticket {
                changed.append(ClosedTicket(ticket: ticket, version: before.version))
            }
            if try await writeDay(day, officeDay, version: answer.office_version, tickets: changed,
                                  kind: TicketAction.closeAtEndOfDay.kind, now: now) {
                for ticket in changed { forget(ticket.ticket.id) }
                return report
            }
        }
        throw QueueBackendError.unavailable(reason: "la giornata cambia di continuo: riprovare")
    }

    public func signIn(counter: Int, operatorID: String) async throws {
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

    struct ClosedTicket: Encodable {
        var ticket: Ticket
        var version: Int
    }

    /// Reads the day, applies the model's change, writes it back if nobody changed it meanwhile.
    /// Only opening creates the day; the other changes need it opened.
    private func changeDay(
        opening: Bool = false, _ change: (inout OfficeDay, Date) throws(OfficeDayError) -> Void
    ) async throws(QueueBackendError) {
        for _ in 0..<50 {
            let now = clock.now()
            let day = LocalDay(containing: now)
            let answer = try await readDay(day)
            var officeDay: OfficeDay
            if let stored = answer.office {
                officeDay = stored
            } else if opening {
                officeDay = OfficeDay(day: day)
            } else {
                throw .officeDay(.notOpen(day: day))
            }
            do { try change(&officeDay, now) } catch { throw .officeDay(error) }
            if try await writeDay(day, officeDay, version: answer.office_version, tickets: [], kind: "office", now: now) {
                return
            }
        }
        throw .unavailable(reason: "la giornata cambia di continuo: riprovare")
    }

    /// Writes the office day; false when someone changed it since it was read.
    private func writeDay(
        _ day: LocalDay, _ officeDay: OfficeDay, version: Int, tickets: [ClosedTicket], kind: String, now: Date
    ) async throws(QueueBackendError) -> Bool {
        let counters = Set(officeDay.events.map(\.counter)).sorted()
        let staffed = counters.filter { officeDay.operatorAt(counter: $0) != nil }
        // Busy whatever the pause: the last busy/free/sign-in/sign-out event decides, as in the model.
        let busy = counters.filter { counter in
            let last = officeDay.events.last { event in
                guard event.counter == counter else { return false }
                switch event.kind {
                case .busy, .free, .signIn, .signOut: return true
                case .pauseStart, .pauseEnd: return false
                }
            }
            if case .busy = last?.kind { return true }
            return false
        }
        let doc = try QueueJSON.text(officeDay)
        let items = try QueueJSON.text(tickets)
        let dayText = day.description
        let closed = officeDay.closedAt != nil
        let epoch = now.timeIntervalSince1970
        let answer = try await callGuarded("""
            SELECT sportello.queue_office_day_write(\(dayText)::date, \(version)::integer, \(doc)::jsonb, \(closed), \
            \(staffed)::integer[], \(busy)::integer[], \(items)::jsonb, \(kind), \(epoch))::text
            """)
        switch answer {
        case .success: return true
        case let .failure(refusal) where refusal.sqlState == "SQ409": return false
        case let .failure(refusal): throw .unavailable(reason: refusal.message)
        }
    }
}
