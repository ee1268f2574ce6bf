import Foundation
import Testing
@testable import CruscottoModel

/// Random action sequences on one ticket: whatever is refused, what is accepted keeps the
/// ticket's invariants.
@Suite struct TicketInvariantTests {
    static let rules = QueueRules(recallsBeforeNoShow: 1, noShowReactivationMinutes: 10)

    static func randomAction(_ random: inout SeededGenerator, nextToken: Int64) -> TicketAction {
        switch Int.random(in: 0..<11, using: &random) {
        case 0: .call(token: FencingToken(nextToken))
        case 1: .recall
        case 2: .markNoShow
        case 3: .reactivate
        case 4: .startService
        case 5: .park(note: nil)
        case 6: .transfer(serviceCode: ["ANA", "CIE", "STC"].randomElement(using: &random),
                          counter: Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil, note: "n")
        case 7: .close(outcome: ["servito", "informazione", "non_presentato"].randomElement(using: &random)!,
                       procedures: [], contactID: nil)
        case 8: .cancel(reason: "uscito")
        case 9: .closeAtEndOfDay
        default: .call(token: FencingToken(max(1, nextToken - 2)))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func acceptedActionsKeepInvariants(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for ticketIndex in 0..<200 {
            let arrival = rome("2026-11-30 09:00").addingTimeInterval(Double(ticketIndex) * 60)
            let original = Fixture.ticket(Int64(ticketIndex + 1), arrival: arrival)
            var ticket = original
            var now = arrival
            var nextToken: Int64 = 1
            var accepted = 0
            for _ in 0..<25 {
                now = now.addingTimeInterval(Double(Int.random(in: 0...400, using: &random)))
                let action = Self.randomAction(&random, nextToken: nextToken)
                let counter = Int.random(in: 1...3, using: &random)
                let presented: FencingToken? = Int.random(in: 0..<10, using: &random) == 0
                    ? FencingToken(Int64.random(in: 1...9, using: &random)) : ticket.token
                guard let after = try? ticket.applying(action, token: presented, at: now, counter: counter,
                                                       operatorID: "op", rules: Self.rules)
                else { continue }
                accepted += 1
                if case let .call(token) = action {
                    #expect(token > (ticket.token ?? FencingToken(0)))
                    nextToken = token.value + 1
                } else if ticket.state.isClaimed {
                    #expect(presented == ticket.token)   // held tickets only move with their token
                }
                ticket = after
                #expect(ticket.arrival == original.arrival && ticket.number == original.number)
                #expect(ticket.history.count == 1 + accepted)
                #expect(ticket.history.last?.at == now && ticket.stateSince <= now)
                if ticket.state.isClaimed { #expect(ticket.token != nil && ticket.counter != nil) }
                if ticket.state.isFinal || ticket.state == .noShow { #expect(ticket.outcome != nil) }
                if ticket.targetCounter != nil { #expect(ticket.state == .transferred) }
                if ticket.firstCalledAt != nil { #expect(ticket.firstCalledAt! >= ticket.arrival) }
            }
            if ticket.state.isFinal {
                // Nothing moves a closed ticket any more.
                for step in 0..<5 {
                    let action = Self.randomAction(&random, nextToken: nextToken + Int64(step))
                    #expect(throws: QueueRuleError.self) {
                        try ticket.applying(action, token: ticket.token, at: now, counter: 1, operatorID: nil, rules: Self.rules)
                    }
                }
            }
        }
    }
}
