import Foundation
import Testing
@testable import CruscottoModel

@Suite struct QueueMetricsTests {
    static let rules = QueueRules(recallsBeforeNoShow: 0)
    static let nine = rome("2026-11-30 09:00")
    static func at(_ minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }

    /// A ticket that arrives at 9:00+`arrival`, is called after `wait` minutes and then goes
    /// through `steps` (minutes after the call).
    static func ticket(
        _ id: Int64, service: String = "ANA", arrival: Double = 0, wait: Double?, priority: String? = nil,
        steps: [(Double, TicketAction)] = []
    ) throws -> Ticket {
        var t = Fixture.ticket(id, service: service, arrival: at(arrival), priority: priority)
        guard let wait else { return t }
        let token = FencingToken(id)
        let call = arrival + wait
        t = try t.applying(.call(token: token), at: at(call), counter: 1, operatorID: nil, rules: rules)
        for (minutes, action) in steps {
            t = try t.applying(action, token: token, at: at(call + minutes), counter: 1, operatorID: nil, rules: rules)
        }
        return t
    }

    static let served: [(Double, TicketAction)] = [
        (1, .startService), (6, .close(outcome: "servito", procedures: ["cert"], contactID: nil)),
    ]

    @Test func waitsAbandonmentAndServiceTime() throws {
        let tickets = [
            try Self.ticket(1, wait: 2, steps: Self.served),
            try Self.ticket(2, wait: 10, priority: "over75", steps: Self.served),
            try Self.ticket(3, wait: 30, steps: [(0, .markNoShow)]),
            try Self.ticket(4, service: "CIE", wait: 25, steps: [
                (0, .startService), (4, .park(note: nil)),
            ]),
            try Self.ticket(5, wait: 5, steps: [
                (0, .startService), (10, .close(outcome: "servito_back_office", procedures: ["cert", "residenza"], contactID: nil)),
            ]),
            try Self.ticket(6, wait: nil),
            try Self.ticket(7, wait: nil).applying(.cancel(reason: "andato via"), at: Self.at(20), counter: nil,
                                                   operatorID: nil, rules: Self.rules),
        ]
        let metrics = QueueMetrics(tickets: tickets, rules: Self.rules)
        #expect(metrics.issued == 7 && metrics.called == 5 && metrics.served == 3)
        #expect(metrics.abandoned == 2 && metrics.stillWaiting == 2)     // no-show + cancelled; 4 parked, 6 waiting
        #expect(metrics.abandonmentRate == 2.0 / 5.0)
        // Waits 2, 5, 10, 25, 30: nearest-rank median 10, p90 30, within 20' 3 of 5.
        #expect(metrics.waits.count == 5 && metrics.waits.meanMinutes == 14.4)
        #expect(metrics.waits.medianMinutes == 10 && metrics.waits.p90Minutes == 30)
        #expect(metrics.waits.shareWithinTarget == 0.6 && metrics.waits.longestMinutes == 30)
        #expect(metrics.priorityWaits.count == 1 && metrics.priorityWaits.meanMinutes == 10)
        #expect(metrics.waitsByService["CIE"]?.count == 1 && metrics.waitsByService["ANA"]?.count == 4)
        // cert: 5' (ticket 1), 5' (ticket 2), 5' (half of ticket 5's 10') → 5; residenza 5.
        #expect(metrics.serviceMinutesByProcedure == ["cert": 5, "residenza": 5])
    }

    @Test func parkedTimeIsNotServiceTime() throws {
        let t = try Self.ticket(1, wait: 1, steps: [(0, .startService), (3, .park(note: "documento"))])
        let back = try t.applying(.call(token: FencingToken(50)), at: Self.at(20), counter: 2, operatorID: nil, rules: Self.rules)
            .applying(.startService, token: FencingToken(50), at: Self.at(21), counter: 2, operatorID: nil, rules: Self.rules)
            .applying(.close(outcome: "servito", procedures: [], contactID: nil), token: FencingToken(50), at: Self.at(25),
                      counter: 2, operatorID: nil, rules: Self.rules)
        #expect(back.servingSeconds == 7 * 60)
        #expect(back.firstCalledAt == Self.at(1))
    }

    @Test func transferredWaitCountsForTheIssuingService() throws {
        let t = try Self.ticket(1, wait: 4, steps: [(1, .transfer(serviceCode: "CIE", counter: nil, note: ""))])
        let metrics = QueueMetrics(tickets: [t], rules: Self.rules)
        #expect(t.serviceCode == "CIE" && t.issuedServiceCode == "ANA")
        #expect(metrics.waitsByService.keys.sorted() == ["ANA"])
    }

    @Test func emptyDayHasNoStatistics() {
        let metrics = QueueMetrics(tickets: [], rules: Self.rules)
        #expect(metrics.waits.meanMinutes == nil && metrics.abandonmentRate == nil && metrics.waits.count == 0)
    }
}
