import Foundation

/// What the responsabile measures on a day's tickets: waits (mean, median, p90, share within
/// the target), abandonment and service time per procedure.
///
/// - Wait: first call − arrival, for tickets that were called (a transfer keeps the first
///   call, so a transferred citizen's wait is counted once). Tickets still waiting are not in
///   the statistics; `stillWaiting` counts them.
/// - Abandoned: no-show, cancelled, or closed at the end of the day without being called.
///   Closing with an outcome that is not "served" (documenti mancanti, rinviato) is not
///   abandonment: the citizen reached a counter.
/// - Service time: the time a ticket spent in `serving` (park intervals excluded), split
///   evenly among the procedures recorded at closing.
public struct QueueMetrics: Hashable, Codable, Sendable {
    public var issued: Int
    public var called: Int
    public var served: Int
    public var abandoned: Int
    public var stillWaiting: Int
    /// abandoned ÷ tickets that ended (nil when none ended).
    public var abandonmentRate: Double?
    public var waits: WaitStatistics
    public var waitsByService: [String: WaitStatistics]
    public var priorityWaits: WaitStatistics
    /// Mean minutes of service per procedure code.
    public var serviceMinutesByProcedure: [String: Double]

    public init(tickets: [Ticket], rules: QueueRules, targetMinutes: Int = 20) {
        issued = tickets.count
        let calledTickets = tickets.filter { $0.firstCalledAt != nil }
        called = calledTickets.count
        served = tickets.filter { t in
            t.state == .done && (t.outcome.flatMap { rules.outcome($0)?.served } ?? false)
        }.count
        abandoned = tickets.filter { t in
            t.state == .noShow || (t.state == .cancelled && (t.outcome != OutcomeCode.chiusoFineGiornata.code
                                                             || t.firstCalledAt == nil))
        }.count
        stillWaiting = tickets.filter(\.state.isCallable).count
        let ended = tickets.filter { $0.state.isFinal || $0.state == .noShow }.count
        abandonmentRate = ended == 0 ? nil : Double(abandoned) / Double(ended)

        func minutesWaited(_ t: Ticket) -> Double { t.firstCalledAt!.timeIntervalSince(t.arrival) / 60 }
        waits = WaitStatistics(waits: calledTickets.map(minutesWaited), targetMinutes: targetMinutes)
        priorityWaits = WaitStatistics(waits: calledTickets.filter(\.isPriority).map(minutesWaited),
                                       targetMinutes: targetMinutes)
        // A transferred ticket's wait belongs to the service it was first called for.
        let byService = Dictionary(grouping: calledTickets) { $0.issuedServiceCode }
        waitsByService = byService.mapValues {
            WaitStatistics(waits: $0.map(minutesWaited), targetMinutes: targetMinutes)
        }

        var totals: [String: (minutes: Double, count: Int)] = [:]
        for ticket in tickets where ticket.state == .done && !ticket.procedures.isEmpty {
            let share = ticket.servingSeconds / 60 / Double(ticket.procedures.count)
            for code in ticket.procedures {
                totals[code, default: (0, 0)].minutes += share
                totals[code, default: (0, 0)].count += 1
            }
        }
        serviceMinutesByProcedure = totals.mapValues { $0.minutes / Double($0.count) }
    }
}
