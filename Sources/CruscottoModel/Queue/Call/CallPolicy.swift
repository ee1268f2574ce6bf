import Foundation

/// Chooses the next ticket for a counter from a snapshot of the callable tickets.
///
/// Order (lowest first, see `CallRank`): tickets transferred to this counter; parked tickets;
/// tickets that waited at least the maximum wait; then by the profile's order of preference,
/// and within a service priority tickets first when the interleave says a priority call is
/// due, else plain arrival order; ties by arrival, then seq, then id. Tickets transferred to
/// another counter are never candidates; tickets of services outside the profile only when
/// transferred here.
public struct CallPolicy: Sendable {
    public var priority: PriorityPolicy

    public init(priority: PriorityPolicy) { self.priority = priority }

    /// The ticket to call next, nil when nothing this counter can call waits.
    public func next(
        waiting: [Ticket], counter: Int, profile: CounterProfile, now: Date,
        history: CounterCallHistory
    ) -> Ticket? {
        let context = Context(policy: self, counter: counter, profile: profile, now: now, history: history)
        var best: (rank: CallRank, ticket: Ticket)?
        for ticket in waiting {
            guard let rank = context.rank(ticket) else { continue }
            if best == nil || rank < best!.rank { best = (rank, ticket) }
        }
        return best?.ticket
    }

    /// All candidates in call order (for "people ahead" and the queue panel).
    public func ordered(
        waiting: [Ticket], counter: Int, profile: CounterProfile, now: Date,
        history: CounterCallHistory
    ) -> [Ticket] {
        let context = Context(policy: self, counter: counter, profile: profile, now: now, history: history)
        return waiting.compactMap { t in context.rank(t).map { ($0, t) } }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    /// The rank of `ticket` for this call, nil when the counter cannot call it.
    public func rank(
        _ ticket: Ticket, counter: Int, profile: CounterProfile, now: Date,
        history: CounterCallHistory
    ) -> CallRank? {
        Context(policy: self, counter: counter, profile: profile, now: now, history: history).rank(ticket)
    }

    /// The lanes a counter's claim probes, in no particular order.
    public func lanes(counter: Int, profile: CounterProfile) -> [CallLane] {
        [.directed(counter: counter)]
            + profile.serviceCodes.flatMap { code in
                [CallLane.parked(serviceCode: code),
                 .line(serviceCode: code, priority: true), .line(serviceCode: code, priority: false)]
            }
    }

    /// Arrivals at or before this instant are promoted; nil when promotion is off.
    public func promotionCutoff(now: Date) -> Date? {
        priority.maxWaitMinutes.map { now.addingTimeInterval(-Double($0) * 60) }
    }

    private struct Context {
        let counter: Int
        let profile: CounterProfile
        let cutoff: Date?
        let priorityFirst: Bool

        init(policy: CallPolicy, counter: Int, profile: CounterProfile, now: Date, history: CounterCallHistory) {
            self.counter = counter
            self.profile = profile
            self.cutoff = policy.promotionCutoff(now: now)
            self.priorityFirst = history.priorityDue(interleave: policy.priority.interleave)
        }

        func rank(_ t: Ticket) -> CallRank? {
            guard t.state.isCallable else { return nil }
            func make(_ tier: CallRank.Tier, _ preference: Int = 0, _ classOrder: Int = 0) -> CallRank {
                CallRank(tier: tier, preference: preference, classOrder: classOrder,
                         arrival: t.arrival, seq: t.number.seq, id: t.id)
            }
            if let target = t.targetCounter {
                return target == counter ? make(.directed) : nil
            }
            guard let preference = profile.rank(of: t.serviceCode) else { return nil }
            if t.state == .parked { return make(.parked) }
            if let cutoff, t.arrival <= cutoff { return make(.promoted) }
            // When priority is due its tickets jump the ordinary ones; otherwise both
            // classes wait in plain arrival order.
            let classOrder = priorityFirst && !t.isPriority ? 1 : 0
            return make(.ordinary, preference, classOrder)
        }
    }
}
