import Foundation
import Testing
@testable import CruscottoModel

@Suite struct CallPolicyTests {
    static let nine = rome("2026-11-30 09:00")
    static func at(_ minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }
    static let policy = CallPolicy(priority: PriorityPolicy(interleave: 3, maxWaitMinutes: 45))
    static let poli = Fixture.polifunzionale

    @Test func profileOrderOfPreferenceComesBeforeArrival() {
        let waiting = [
            Fixture.ticket(1, service: "CIE", prefix: "C", arrival: Self.at(0)),
            Fixture.ticket(2, service: "STC", prefix: "S", arrival: Self.at(1)),
            Fixture.ticket(3, service: "ANA", arrival: Self.at(2)),
        ]
        let order = Self.policy.ordered(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(10),
                                        history: CounterCallHistory(ordinaryCallsSinceLastPriority: 0))
        #expect(order.map(\.id) == [3, 2, 1])
        let cieOrder = Self.policy.ordered(waiting: waiting, counter: 3, profile: Fixture.cieProfile,
                                           now: Self.at(10), history: CounterCallHistory())
        #expect(cieOrder.map(\.id) == [1, 3])   // STC is not in the CIE profile
    }

    @Test(arguments: [1, 2, 3, 4])
    func interleaveCallsOnePriorityTicketEveryN(interleave: Int) {
        let policy = CallPolicy(priority: PriorityPolicy(interleave: interleave, maxWaitMinutes: nil))
        // Ordinary tickets arrived first: priority ones are called only when the interleave
        // lets them jump the line.
        var waiting = (1...40).map { i in
            Fixture.ticket(Int64(i), arrival: Self.at(Double(i) / 10), priority: i > 20 ? "over75" : nil)
        }
        var history = CounterCallHistory()
        var classes: [Bool] = []
        for _ in 0..<12 {
            let next = policy.next(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(20), history: history)!
            classes.append(next.isPriority)
            history.record(priority: next.isPriority)
            waiting.removeAll { $0.id == next.id }
        }
        #expect(classes.filter { $0 }.count == 12 / interleave)
        let expected = (0..<12).map { $0 % interleave == 0 }
        #expect(classes == expected)
    }

    @Test func whenPriorityIsNotDueArrivalOrderHolds() {
        let waiting = [
            Fixture.ticket(1, arrival: Self.at(1)),
            Fixture.ticket(2, arrival: Self.at(0), priority: "appuntamento"),
            Fixture.ticket(3, arrival: Self.at(2), priority: "over75"),
        ]
        let notDue = CounterCallHistory(ordinaryCallsSinceLastPriority: 0)
        #expect(Self.policy.ordered(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(5), history: notDue)
            .map(\.id) == [2, 1, 3])
        let due = CounterCallHistory(ordinaryCallsSinceLastPriority: 2)
        #expect(Self.policy.ordered(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(5), history: due)
            .map(\.id) == [2, 3, 1])
    }

    @Test func withOnlyOneClassWaitingItIsCalled() {
        let waiting = [Fixture.ticket(1, arrival: Self.at(0), priority: "gravidanza")]
        let history = CounterCallHistory(ordinaryCallsSinceLastPriority: 0)   // priority not due
        #expect(Self.policy.next(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(1), history: history)?.id == 1)
    }

    @Test func promotionAfterMaxWaitBeatsProfileOrderAndInterleave() {
        let waiting = [
            Fixture.ticket(1, arrival: Self.at(30), priority: "disabilita"),
            Fixture.ticket(2, service: "CIE", prefix: "C", arrival: Self.at(0)),
            Fixture.ticket(3, arrival: Self.at(10)),
        ]
        let due = CounterCallHistory()
        // At 9:44 nobody waited 45': priority due → the priority ANA ticket.
        #expect(Self.policy.next(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(44), history: due)?.id == 1)
        // At 9:45 the CIE ticket has waited 45': it goes first, although CIE is last in the profile.
        #expect(Self.policy.next(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(45), history: due)?.id == 2)
        // Without promotion the CIE ticket keeps waiting behind the profile order.
        let noPromotion = CallPolicy(priority: PriorityPolicy(interleave: 3, maxWaitMinutes: nil))
        #expect(noPromotion.next(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(300), history: due)?.id == 1)
    }

    @Test func parkedTicketResumesAtTheHeadOfItsService() throws {
        let rules = QueueRules()
        var parked = Fixture.ticket(5, arrival: Self.at(20))
        parked = try parked.applying(.call(token: FencingToken(1)), at: Self.at(21), counter: 2, operatorID: nil, rules: rules)
        parked = try parked.applying(.startService, token: FencingToken(1), at: Self.at(22), counter: 2, operatorID: nil, rules: rules)
        parked = try parked.applying(.park(note: "documento"), token: FencingToken(1), at: Self.at(23), counter: 2,
                                     operatorID: nil, rules: rules)
        let waiting = [Fixture.ticket(1, arrival: Self.at(0), priority: "over75"), Fixture.ticket(2, arrival: Self.at(1)), parked]
        let next = Self.policy.next(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(30), history: CounterCallHistory())
        #expect(next?.id == 5)
    }

    @Test func ticketTransferredToACounterIsOnlyForThatCounter() throws {
        var moved = Fixture.ticket(9, service: "ANA", arrival: Self.at(40))
        moved = try moved.applying(.call(token: FencingToken(1)), at: Self.at(41), counter: 1, operatorID: nil, rules: QueueRules())
        moved = try moved.applying(.transfer(serviceCode: "STC", counter: 3, note: "atto di nascita"), token: FencingToken(1),
                                   at: Self.at(42), counter: 1, operatorID: nil, rules: QueueRules())
        let waiting = [Fixture.ticket(1, service: "CIE", prefix: "C", arrival: Self.at(0)), moved]
        // Counter 3's profile (CIE, ANA) does not list STC, but the ticket was sent to it.
        #expect(Self.policy.next(waiting: waiting, counter: 3, profile: Fixture.cieProfile, now: Self.at(43),
                                 history: CounterCallHistory())?.id == 9)
        #expect(Self.policy.ordered(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(43),
                                    history: CounterCallHistory()).map(\.id) == [1])
    }

    @Test func tiesBreakOnArrivalThenSeqThenID() {
        let same = Self.at(5)
        let waiting = [
            Fixture.ticket(30, service: "ANA", prefix: "A", seq: 7, arrival: same),
            Fixture.ticket(20, service: "ANA", prefix: "B", seq: 3, arrival: same),
            Fixture.ticket(10, service: "ANA", prefix: "A", seq: 3, arrival: same),
            Fixture.ticket(40, service: "ANA", prefix: "A", seq: 9, arrival: Self.at(4)),
        ]
        let order = Self.policy.ordered(waiting: waiting, counter: 1, profile: Self.poli, now: Self.at(6),
                                        history: CounterCallHistory(ordinaryCallsSinceLastPriority: 0))
        #expect(order.map(\.id) == [40, 10, 20, 30])
    }

    @Test func onlyCallableTicketsAreCandidates() throws {
        var called = Fixture.ticket(1, arrival: Self.at(0))
        called = try called.applying(.call(token: FencingToken(1)), at: Self.at(1), counter: 2, operatorID: nil, rules: QueueRules())
        #expect(Self.policy.next(waiting: [called], counter: 1, profile: Self.poli, now: Self.at(2), history: CounterCallHistory()) == nil)
    }

    /// The claim can be served from index heads: the best ticket is always the head of one of
    /// the counter's lanes, so `next` over the heads equals `next` over every ticket.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func nextOverLaneHeadsEqualsNextOverAll(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let services = [("ANA", "A"), ("STC", "S"), ("CIE", "C")]
        var tickets: [Ticket] = []
        var token: Int64 = 0
        for id in 1...60 {
            let (code, prefix) = services.randomElement(using: &random)!
            var t = Fixture.ticket(Int64(id), service: code, prefix: prefix, seq: id,
                                   arrival: Self.at(Double(Int.random(in: 0..<90, using: &random))),
                                   priority: Bool.random(using: &random) ? nil : "over75")
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1:
                token += 1
                t = try t.applying(.call(token: FencingToken(token)), at: Self.at(90), counter: 2, operatorID: nil, rules: QueueRules())
                t = try t.applying(.startService, token: FencingToken(token), at: Self.at(90), counter: 2, operatorID: nil, rules: QueueRules())
                t = try t.applying(.park(note: nil), token: FencingToken(token), at: Self.at(91), counter: 2, operatorID: nil, rules: QueueRules())
            case 2:
                token += 1
                t = try t.applying(.call(token: FencingToken(token)), at: Self.at(90), counter: 2, operatorID: nil, rules: QueueRules())
                t = try t.applying(.transfer(serviceCode: nil, counter: Int.random(in: 1...3, using: &random), note: ""),
                                   token: FencingToken(token), at: Self.at(91), counter: 2, operatorID: nil, rules: QueueRules())
            default: break
            }
            tickets.append(t)
        }
        for profile in [Fixture.polifunzionale, Fixture.cieProfile] {
            for counter in 1...3 {
                for history in [CounterCallHistory(), CounterCallHistory(ordinaryCallsSinceLastPriority: 0)] {
                    for now in [Self.at(92), Self.at(130), Self.at(200)] {
                        let lanes = Set(Self.policy.lanes(counter: counter, profile: profile))
                        var heads: [CallLane: Ticket] = [:]
                        for t in tickets where t.state.isCallable {
                            let lane = CallLane(of: t)
                            if let h = heads[lane], (h.arrival, h.number.seq, h.id) <= (t.arrival, t.number.seq, t.id) { continue }
                            heads[lane] = t
                        }
                        let all = Self.policy.next(waiting: tickets, counter: counter, profile: profile, now: now, history: history)
                        let fromHeads = Self.policy.next(waiting: Array(heads.filter { lanes.contains($0.key) }.values),
                                                         counter: counter, profile: profile, now: now, history: history)
                        #expect(all?.id == fromHeads?.id)
                    }
                }
            }
        }
    }
}
