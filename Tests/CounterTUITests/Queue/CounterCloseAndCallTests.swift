import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// "Chiudi e chiama il prossimo": in the close dialog F2 closes the held ticket and calls the
/// next in one central operation (`QueueBackend.transitionAndClaim`), on the reference
/// backend and on the embedded central file; an empty line only closes, a refusal leaves the
/// ticket held; offline the key is not offered.
@Suite struct CounterCloseAndCallTests {
    /// Counter 3 (profile CIE) on the embedded central file in a temporary directory.
    static func embedded() throws -> (StationDriver, SQLiteQueueBackend) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closecall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var made: SQLiteQueueBackend?
        let driver = try StationDriver { clock in
            let backend = try CentralQueueFile.openBackend(path: directory.appendingPathComponent("central.sqlite").path, clock: clock)
            made = backend
            return backend
        }
        guard let backend = made else { throw QueueBackendError.unavailable(reason: "nessun backend") }
        return (driver, backend)
    }

    static func number(_ ticket: CurrentTicket?) -> String? { ticket?.ticket.number.display }

    @Test func closeAndCallTheNextOnTheReferenceBackend() async throws {
        let (driver, backend) = try CounterQueueTests.make()
        try await CounterQueueTests.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        #expect(Self.number(driver.state.cruscotto.counterQueue.current) == "C002")
        await driver.press(.function(8))
        #expect(driver.state.cruscotto.counterQueue.dialog?.offersCloseAndCall == true)
        #expect(driver.text.contains("Invio chiude · F2 chiude e chiama · Esc annulla"))
        #expect(driver.terminal.rowText(23).contains("F2 Chiama"))
        await driver.press(.function(2))
        #expect(driver.state.message == .ok("Biglietto C002 chiuso (servito); chiamato il biglietto C001."))
        #expect(driver.state.cruscotto.counterQueue.dialog == nil)
        #expect(Self.number(driver.state.cruscotto.counterQueue.current) == "C001")
        let closed = try await CounterQueueTests.state(backend, "C002")
        #expect(closed.state == .done)
        #expect(closed.outcome == "servito")
        let called = try await CounterQueueTests.state(backend, "C001")
        #expect(called.state == .called)
        #expect(called.counter == 3)
        #expect(driver.text.contains("C001"))
    }

    @Test func anEmptyLineOnlyCloses() async throws {
        let (driver, backend) = try CounterQueueTests.make()
        try await backend.openOffice()
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        await driver.logIn()
        await driver.press(.function(2))
        await driver.press(.function(8), .down)  // servito con pratica al back office
        await driver.press(.function(2))
        #expect(driver.state.message == .ok("Biglietto C001 chiuso (servito back office); nessun biglietto in attesa per questo sportello."))
        #expect(driver.state.cruscotto.counterQueue.current == nil)
        #expect(try await CounterQueueTests.state(backend, "C001").outcome == "servito_back_office")
        #expect(driver.text.contains("Nessun biglietto chiamato."))
    }

    @Test func aRefusedCallLeavesTheTicketHeldAndClosesNothing() async throws {
        let (driver, backend) = try CounterQueueTests.make()
        try await CounterQueueTests.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        // The responsabile closes the office day meanwhile: the close alone would go, the call not.
        _ = try await backend.closeOffice(operatorID: "admin")
        await driver.press(.function(8), .function(2))
        #expect(driver.state.message?.kind == .error)
        #expect(driver.state.message?.text.contains("chius") == true)
        #expect(try await CounterQueueTests.state(backend, "C002").state == .called)
        #expect(Self.number(driver.state.cruscotto.counterQueue.current) == "C002")
        // The plain close still works.
        await driver.press(.function(8), .enter)
        #expect(driver.state.message == .ok("Biglietto C002 chiuso (servito)."))
    }

    @Test func aStaleTokenIsRefusedWithTheReason() async throws {
        let (driver, backend) = try CounterQueueTests.make()
        try await CounterQueueTests.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        let held = try #require(driver.state.cruscotto.counterQueue.current)
        _ = try await backend.transition(TransitionRequest(
            ticketID: held.ticket.id, token: held.token, action: .close(outcome: "servito", procedures: [], contactID: nil), counter: nil))
        await driver.press(.function(8), .function(2))
        #expect(driver.state.message == .error("Il biglietto C002 è già chiuso (servito)"))
        // Nothing was called for this counter.
        #expect(try await CounterQueueTests.state(backend, "C001").state == .waiting)
    }

    @Test func closeAndCallOnTheEmbeddedCentralFile() async throws {
        let (driver, backend) = try Self.embedded()
        try await backend.openOffice()
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        await driver.logIn()
        await driver.press(.function(2))
        #expect(Self.number(driver.state.cruscotto.counterQueue.current) == "C001")
        await driver.press(.function(8), .function(2))
        #expect(driver.state.message == .ok("Biglietto C001 chiuso (servito); chiamato il biglietto C002."))
        #expect(Self.number(driver.state.cruscotto.counterQueue.current) == "C002")
        #expect(try await backend.ticket(number: TicketNumber(parsing: "C001")!).state == .done)
        await driver.press(.function(8), .function(2))
        #expect(driver.state.message == .ok("Biglietto C002 chiuso (servito); nessun biglietto in attesa per questo sportello."))
        #expect(driver.state.cruscotto.counterQueue.current == nil)
        // Refused on the file too: the office day closed, the ticket stays held.
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        await driver.press(.function(2))
        _ = try await backend.closeOffice(operatorID: "admin")
        await driver.press(.function(8), .function(2))
        #expect(driver.state.message?.kind == .error)
        #expect(try await backend.ticket(number: TicketNumber(parsing: "C003")!).state == .called)
        #expect(Self.number(driver.state.cruscotto.counterQueue.current) == "C003")
    }

    @Test func offlineTheKeyIsNotOffered() async throws {
        let (driver, queue, _) = try CounterOfflineQueueTests.make()
        await CounterOfflineQueueTests.goOffline(driver, queue)
        await driver.press(.function(16), .enter)
        await driver.press(.function(2))
        await driver.press(.function(8))
        #expect(driver.state.cruscotto.counterQueue.dialog?.offersCloseAndCall == false)
        #expect(!driver.text.contains("F2 chiude e chiama"))
        #expect(!driver.terminal.rowText(23).contains("F2"))
        #expect(driver.state.message?.text.contains("Chiudi e chiama il prossimo solo con la coda centrale") == true)
        let bells = driver.bells
        await driver.press(.function(2))
        #expect(driver.bells == bells + 1)
        #expect(driver.state.cruscotto.counterQueue.dialog?.kind == .close)
        await driver.press(.enter)
        #expect(driver.state.message == .ok("Biglietto A-701 chiuso (servito)."))
    }
}
