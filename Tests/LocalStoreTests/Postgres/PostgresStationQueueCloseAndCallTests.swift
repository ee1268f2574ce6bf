import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The station's PostgreSQL queue forwards "chiudi e chiama" to the server's one transaction:
/// the close and the next call together, or (the office day closed meanwhile) neither.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresStationQueueCloseAndCallTests {
    @Test func closeAndCallIsOneOperationThroughTheStationQueue() async throws {
        try await PostgresStationTests.withOffice("station_close_call") { office in
            _ = try await PostgresStationTests.initStation(office)
            let station = try office.open()
            defer { station.close() }
            let queue = PostgresStationQueue(link: try #require(station.postgres),
                                             clock: ContractClock(ContractFixture.rome("2026-11-30 10:00")))
            try await queue.openOffice()
            _ = try await queue.issue(IssueRequest(serviceCode: "ANA"))
            _ = try await queue.issue(IssueRequest(serviceCode: "ANA"))
            _ = try await queue.issue(IssueRequest(serviceCode: "ANA"))
            let first = try #require(try await queue.claim(ClaimRequest(counter: 1, operatorID: "anna.neri")))
            let close = TicketAction.close(outcome: "servito", procedures: [], contactID: nil)
            let answer = try await queue.transitionAndClaim(
                TransitionRequest(ticketID: first.ticket.id, token: first.token, action: close, counter: 1, operatorID: "anna.neri"),
                next: ClaimRequest(counter: 1, operatorID: "anna.neri"))
            #expect(answer.ticket.state == .done)
            let second = try #require(answer.claim)
            #expect(second.ticket.number.display == "A002")
            _ = try await queue.closeOffice(operatorID: "anna.neri")
            await #expect(throws: QueueBackendError.self) {
                _ = try await queue.transitionAndClaim(
                    TransitionRequest(ticketID: second.ticket.id, token: second.token, action: close, counter: 1, operatorID: "anna.neri"),
                    next: ClaimRequest(counter: 1, operatorID: "anna.neri"))
            }
            // Nothing half done: A002 is still called at counter 1.
            let still = try await queue.ticket(number: second.ticket.number)
            #expect(still.state == .called)
            #expect(still.counter == 1)
        }
    }
}
