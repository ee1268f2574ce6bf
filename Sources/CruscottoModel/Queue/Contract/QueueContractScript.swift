import Foundation

/// Seeded random contract scripts: a working day of issues, claims (next and specific, from
/// known and unknown counters), transitions with current, stale and missing tokens, pauses,
/// status and change-log reads, ending with the office closing. Whole seconds only, so every
/// backend can store the instants exactly. With `transitionAndClaimPercent` above 0, that share
/// of a counter's last transition in a flow, and of the transitions on any ticket, is sent as
/// one transition-and-claim (at 0 the scripts are those of earlier versions, step for step).
public enum QueueContractScript {
    public static func random(
        seed: UInt64, steps: Int, start: Date, configuration: QueueConfiguration,
        transitionAndClaimPercent: UInt64 = 0
    ) -> [QueueContractStep] {
        var random = SplitMix64(seed: seed)
        let counters = configuration.counters.map(\.number)
        let services = configuration.services.map(\.code)
        let priorities = configuration.priorities.map(\.code)
        let outcomes = configuration.rules.outcomes.map(\.code)
        let prefixes = Array(Set(configuration.services.map(\.prefix))).sorted()
        var now = start
        var issuedSoFar = 0
        var script: [QueueContractStep] = [.setTime(now), .openOffice]
        for (i, counter) in counters.enumerated() {
            script.append(.signIn(counter: counter, operatorID: "op\(i + 1)"))
        }
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        func combined() -> Bool { transitionAndClaimPercent > 0 && chance(transitionAndClaimPercent) }

        for _ in 0..<steps {
            if chance(40) {
                now = now.addingTimeInterval(Double(random.next() % 180))
                script.append(.setTime(now))
            }
            let roll = random.next() % 100
            let counter = chance(95) ? pick(counters) : (counters.max() ?? 0) + 1
            switch roll {
            case 0..<28:
                let service = chance(97) ? pick(services) : "XX"
                let priority: String? = chance(15) ? (chance(95) ? pick(priorities) : "vip") : nil
                script.append(.issue(IssueRequest(
                    serviceCode: service, priority: priority, phone: chance(10) ? "+39333000\(issuedSoFar)" : nil,
                    counter: chance(20) ? counter : nil, operatorID: nil)))
                issuedSoFar += 1
            case 28..<52:
                let target: ClaimRequest.Target = chance(85)
                    ? .next
                    : .specific(TicketNumber(prefix: pick(prefixes), seq: Int(random.next() % UInt64(max(2, issuedSoFar))) + 1))
                script.append(.claim(ClaimRequest(counter: counter, operatorID: "op\(counter)", target: target)))
            case 52..<70:
                // A counter working on its own ticket: a short, plausible flow.
                let close = TicketAction.close(outcome: pick(outcomes.filter { !$0.hasPrefix("non_") }),
                                               procedures: ["proc\(random.next() % 5)"], contactID: nil)
                let flows: [[TicketAction]] = [
                    [.startService, close],
                    [.startService, .park(note: "documento")],
                    [.recall, .markNoShow],
                    [.recall, .markNoShow, .reactivate],
                    [.startService, .transfer(serviceCode: pick(services), counter: nil, note: "altro servizio")],
                    [.transfer(serviceCode: nil, counter: pick(counters), note: "allo sportello")],
                    [.cancel(reason: "uscito")],
                    [close],
                    [.linkContact(contactID: "contatto\(random.next() % 9)"), .startService, close],
                ]
                let flow = pick(flows)
                for (index, action) in flow.enumerated() {
                    if index == flow.count - 1, combined() {
                        script.append(.transitionAndClaim(ticket: .lastClaimedBy(counter: counter), token: .latest,
                                                          action: action, counter: counter, operatorID: "op\(counter)"))
                    } else {
                        script.append(.transition(ticket: .lastClaimedBy(counter: counter), token: .latest,
                                                  action: action, counter: counter, operatorID: "op\(counter)"))
                    }
                }
            case 70..<88:
                // Anything on any ticket, with current, stale or missing tokens.
                let ref: QueueContractStep.TicketRef = chance(50)
                    ? .lastClaimedBy(counter: counter)
                    : .issued(Int(random.next() % UInt64(max(1, issuedSoFar + 1))))
                let token: QueueContractStep.TokenChoice = chance(70) ? .latest : (chance(50) ? .previous : .none)
                let action: TicketAction = switch random.next() % 13 {
                case 0: .recall
                case 1: .markNoShow
                case 2: .reactivate
                case 3, 4: .startService
                case 5: .park(note: chance(50) ? "documento" : nil)
                case 6: .transfer(serviceCode: chance(70) ? pick(services) : nil,
                                  counter: chance(40) ? pick(counters) : nil, note: "trasferito")
                case 7, 8, 9: .close(outcome: chance(95) ? pick(outcomes) : "boh",
                                     procedures: chance(50) ? ["proc\(random.next() % 5)"] : [], contactID: nil)
                case 10: .cancel(reason: chance(90) ? "uscito" : " ")
                case 11: .linkContact(contactID: chance(90) ? "contatto\(random.next() % 9)" : "")
                default: .call(token: FencingToken(1))
                }
                if combined() {
                    script.append(.transitionAndClaim(ticket: ref, token: token, action: action, counter: counter,
                                                      operatorID: "op\(counter)"))
                } else {
                    script.append(.transition(ticket: ref, token: token, action: action,
                                              counter: chance(90) ? counter : nil, operatorID: "op\(counter)"))
                }
            case 88..<92:
                script.append(.pause(counter: counter, reason: chance(50) ? .screenLocked : .rest))
            case 92..<95:
                script.append(.resume(counter: counter))
            case 95..<98:
                script.append(.status)
            default:
                script.append(.changes(after: Int64(random.next() % 50), limit: Int(random.next() % 20) + 1))
            }
        }
        script.append(contentsOf: [.status, .closeOffice(operatorID: "responsabile"), .status,
                                   .changes(after: 0, limit: 100_000)])
        return script
    }
}
