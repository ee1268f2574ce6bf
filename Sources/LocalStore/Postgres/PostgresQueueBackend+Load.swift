import CruscottoModel
import Foundation

extension PostgresQueueBackend {
    /// What the change log says about the calls of a day: for loads and benchmarks (owner role).
    public struct ClaimCheck: Sendable, Equatable {
        /// Call rows in the change log.
        public var calls: Int
        /// Tickets called more than once (never expected in a load where each ticket is
        /// called once and closed).
        public var calledTwice: Int
        /// Tickets still waiting.
        public var waiting: Int
    }

    /// Issues `count` waiting tickets of one service in one transaction, numbered as `issue`
    /// numbers them (loads and benchmarks; the owner's function). Every `priorityEvery`-th is a
    /// priority ticket of category `priority` (0: none).
    public func issueInBulk(serviceCode: String, count: Int, priorityEvery: Int = 0, priority: String? = nil)
        async throws(QueueBackendError) {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard let service = config.service(serviceCode) else { throw .unknownService(code: serviceCode) }
        if let priority, config.priority(priority) == nil {
            throw .unknownPriority(code: priority, known: config.priorities.map(\.code))
        }
        let draft = Ticket(id: 0, serviceCode: service.code, number: TicketNumber(prefix: service.prefix, seq: 0), arrival: now)
        let doc = try QueueJSON.text(draft)
        let dayText = day.description
        let answer = try await callGuarded("""
            SELECT sportello.queue_issue_bulk(\(doc)::jsonb, \(dayText)::date, \(now), \(count)::integer, \
            \(priority == nil ? 0 : priorityEvery)::integer, \(priority ?? ""))::text
            """)
        if case let .failure(refusal) = answer { throw try refusalError(refusal, day: day) }
    }

    /// Counts calls and double calls of a day from the change log (owner role).
    public func checkClaims(day: LocalDay) async throws(QueueBackendError) -> ClaimCheck {
        let dayText = day.description
        let calls = try await textGuarded("""
            SELECT count(*)::text FROM sportello.queue_change WHERE kind = 'call' AND ticket->>'day' = \(dayText)
            """)
        let twice = try await textGuarded("""
            SELECT count(*)::text FROM (SELECT ticket->>'id' FROM sportello.queue_change
             WHERE kind = 'call' AND ticket->>'day' = \(dayText) GROUP BY 1 HAVING count(*) > 1) AS d
            """)
        let waiting = try await textGuarded("""
            SELECT count(*)::text FROM sportello.queue_ticket WHERE local_day = \(dayText)::date AND state = 'waiting'
            """)
        return ClaimCheck(calls: Int(calls ?? "") ?? 0, calledTwice: Int(twice ?? "") ?? 0, waiting: Int(waiting ?? "") ?? 0)
    }
}
