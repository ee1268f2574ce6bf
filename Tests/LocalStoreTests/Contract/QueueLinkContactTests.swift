import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// Linking the identified citizen to the ticket a counter holds, on every central backend and
/// on the reference: allowed only to the holding counter with the current token, refused with
/// the same Italian reason everywhere, nothing written when refused, and the link kept at close.
@Suite struct QueueLinkContactTests {
    static let config = ContractFixture.configuration()
    static let start = ContractFixture.rome("2026-11-30 09:00")

    /// What each backend answered, in order: the ticket's contact after each accepted step,
    /// the refusal text otherwise, and the change log's kinds at the end.
    static func play(_ backend: any QueueBackend, clock: ContractClock) async throws -> [String] {
        var answers: [String] = []
        func attempt(_ body: () async throws -> Ticket) async {
            do {
                let ticket = try await body()
                answers.append("ok \(ticket.number.display) \(ticket.state.rawValue) \(ticket.contactID ?? "-")")
            } catch {
                answers.append((error as? QueueBackendError)?.description ?? "\(error)")
            }
        }
        let waiting = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.set(start.addingTimeInterval(60))
        // A waiting ticket is held by nobody: nothing to link.
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: waiting.id, token: nil,
                                                           action: .linkContact(contactID: "C0000001"), counter: 1))
        }
        let first = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "op1")))
        let second = try #require(try await backend.claim(ClaimRequest(counter: 2, operatorID: "op2")))
        let before = try await backend.changes(after: 0, limit: 1000).changes.count
        // Another counter, even with the token of its own claim.
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: second.token,
                                                           action: .linkContact(contactID: "C0000001"), counter: 2))
        }
        // The holding counter with a stale or missing token.
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: FencingToken(first.token.value - 1),
                                                           action: .linkContact(contactID: "C0000001"), counter: 1))
        }
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: nil,
                                                           action: .linkContact(contactID: "C0000001"), counter: 1))
        }
        answers.append("changes after refusals: \(try await backend.changes(after: 0, limit: 1000).changes.count - before)")
        // Linked, re-linked after a correction, then closed: the contact stays.
        clock.set(start.addingTimeInterval(120))
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: first.token,
                                                           action: .linkContact(contactID: "C0000009"), counter: 1, operatorID: "op1"))
        }
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: first.token,
                                                           action: .startService, counter: 1, operatorID: "op1"))
        }
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: first.token,
                                                           action: .linkContact(contactID: "C0000001"), counter: 1, operatorID: "op1"))
        }
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: first.token,
                                                           action: .close(outcome: "servito", procedures: [], contactID: nil),
                                                           counter: 1, operatorID: "op1"))
        }
        // A closed ticket cannot be linked any more.
        await attempt {
            try await backend.transition(TransitionRequest(ticketID: first.ticket.id, token: first.token,
                                                           action: .linkContact(contactID: "C0000002"), counter: 1))
        }
        let closed = try await backend.ticket(number: first.ticket.number)
        answers.append("stored \(closed.contactID ?? "-") \(closed.history.filter { $0.kind == "link_contact" }.map { $0.detail ?? "" })")
        let log = try await backend.changes(after: 0, limit: 1000).changes
        answers.append("log " + log.map(\.kind).joined(separator: " "))
        answers.append("logged contact \(log.last(where: { $0.kind == "close" })?.ticket.contactID ?? "-")")
        return answers
    }

    @Test(arguments: ContractBackendKind.available)
    func linkIsFencedAndKeptAtClose(kind: ContractBackendKind) async throws {
        let referenceClock = ContractClock(Self.start)
        let expected = try await Self.play(InMemoryQueueBackend(configuration: Self.config, clock: referenceClock),
                                           clock: referenceClock)
        let clock = ContractClock(Self.start)
        let actual = try await kind.with(suite: "link", configuration: Self.config, clock: clock) { backend, _ in
            try await Self.play(backend, clock: clock)
        }
        #expect(actual == expected)
        #expect(expected[0] == "Impossibile collegare un cittadino con il biglietto A001: è in attesa")
        #expect(expected[1] == "Il biglietto A001 è allo sportello 1, non a questo: operazione rifiutata")
        #expect(expected[2].hasPrefix("Il biglietto A001 non è più assegnato a questo sportello"))
        #expect(expected[3].hasPrefix("Il biglietto A001 non è più assegnato a questo sportello (gettone assente"))
        #expect(expected[4] == "changes after refusals: 0")
        #expect(expected[5] == "ok A001 called C0000009")
        #expect(expected[6] == "ok A001 serving C0000009")
        #expect(expected[7] == "ok A001 serving C0000001")
        #expect(expected[8] == "ok A001 done C0000001")
        #expect(expected[9] == "Il biglietto A001 è già chiuso (servito)")
        #expect(expected[10] == "stored C0000001 [\"C0000009\", \"C0000001\"]")
        #expect(expected[11] == "log issue issue call call link_contact start_service link_contact close")
        #expect(expected[12] == "logged contact C0000001")
    }
}
