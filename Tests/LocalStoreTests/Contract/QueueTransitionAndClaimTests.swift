import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// "Chiudi e chiama il successivo" on every central backend: one operation that ends the
/// counter's ticket and claims its next, all or nothing, with the same transcript as the
/// reference's.
@Suite struct QueueTransitionAndClaimTests {
    static let config = ContractFixture.configuration()
    static let start = ContractFixture.rome("2026-11-30 08:30")

    @Test(arguments: ContractBackendKind.available, [UInt64(5), 6, 7])
    func sameTranscriptAsTheReference(kind: ContractBackendKind, seed: UInt64) async throws {
        let steps = QueueContractScript.random(seed: seed, steps: 600, start: Self.start, configuration: Self.config,
                                               transitionAndClaimPercent: 40)
        let expected = try await QueueContractTests.reference(steps)
        let clock = ContractClock(Self.start)
        let actual = try await kind.with(suite: "close_call\(seed)", configuration: Self.config, clock: clock) { backend, _ in
            await QueueContractRunner.run(steps, on: backend) { clock.set($0) }
        }
        QueueContractTests.compare(expected, actual, steps: steps)
        // The script exercised the combined step: a next called and a refusal (an empty line
        // is rare in a busy day: closesAndCallsTheNextInOneStep has it).
        let combined = steps.enumerated().filter { if case .transitionAndClaim = $0.element { true } else { false } }
        #expect(combined.contains { if case .transitionAndClaim(let answer) = actual[$0.offset] { answer.claim != nil } else { false } })
        #expect(combined.contains { if case .refused = actual[$0.offset] { true } else { false } })
    }

    @Test(arguments: ContractBackendKind.available)
    func closesAndCallsTheNextInOneStep(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await kind.with(suite: "close_call_next", configuration: Self.config, clock: clock) { backend, _ in
            let first = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            let second = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            let claim = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "op1")))
            #expect(claim.ticket.id == first.id)
            let before = try await backend.changes(after: 0, limit: 100).lastPosition

            let answer = try await backend.transitionAndClaim(
                TransitionRequest(ticketID: first.id, token: claim.token,
                                  action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1,
                                  operatorID: "op1"),
                next: ClaimRequest(counter: 1, operatorID: "op1"))
            #expect(answer.ticket.state == .done)
            let next = try #require(answer.claim)
            #expect(next.ticket.id == second.id)
            #expect(next.ticket.state == .called)
            #expect(next.token.value > claim.token.value)
            // Both changes are in the log, the close before the call.
            let log = try await backend.changes(after: before, limit: 100).changes
            #expect(log.map(\.kind) == ["close", "call"])
            #expect(log.map(\.ticket.id) == [first.id, second.id])

            // The line is empty now: the close stays, nothing is called.
            let last = try await backend.transitionAndClaim(
                TransitionRequest(ticketID: second.id, token: next.token,
                                  action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1),
                next: ClaimRequest(counter: 1))
            #expect(last.ticket.state == .done)
            #expect(last.claim == nil)
            #expect(try await backend.ticket(number: second.number).state == .done)
        }
    }

    @Test(arguments: ContractBackendKind.available)
    func aRefusedClaimLeavesTheTicketAsItWas(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await kind.with(suite: "close_call_refused", configuration: Self.config, clock: clock) { backend, _ in
            let first = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            let claim = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "op1")))
            let logBefore = try await backend.changes(after: 0, limit: 100).changes.count

            // Starting the service keeps the ticket at the counter: the claim is refused (busy)
            // and the start is not kept either.
            await #expect(throws: QueueBackendError.counterBusy(counter: 1, number: first.number.display, state: .serving)) {
                _ = try await backend.transitionAndClaim(
                    TransitionRequest(ticketID: first.id, token: claim.token, action: .startService, counter: 1),
                    next: ClaimRequest(counter: 1))
            }
            #expect(try await backend.ticket(number: first.number).state == .called)

            // A counter without profile cannot call: the close is not kept.
            await #expect(throws: QueueBackendError.counterWithoutProfile(number: 4)) {
                _ = try await backend.transitionAndClaim(
                    TransitionRequest(ticketID: first.id, token: claim.token,
                                      action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1),
                    next: ClaimRequest(counter: 4))
            }
            #expect(try await backend.ticket(number: first.number).state == .called)

            // A stale token refuses the transition itself: nothing is claimed.
            await #expect(throws: QueueBackendError.self) {
                _ = try await backend.transitionAndClaim(
                    TransitionRequest(ticketID: first.id, token: FencingToken(claim.token.value - 1),
                                      action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1),
                    next: ClaimRequest(counter: 1))
            }
            #expect(try await backend.changes(after: 0, limit: 100).changes.count == logBefore)

            // The same request with the current token goes through.
            let answer = try await backend.transitionAndClaim(
                TransitionRequest(ticketID: first.id, token: claim.token,
                                  action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1),
                next: ClaimRequest(counter: 1))
            #expect(answer.ticket.state == .done)
            #expect(answer.claim != nil)
        }
    }
}
