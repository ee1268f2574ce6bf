import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// The queue at the counter on a real `QueueBackend` (the reference in-memory one, on the
/// driver's hand-moved clock): golden screens of the queue panel and key-driven workflows.
/// The station is counter 3 (profile "cie": CIE, then Anagrafe) of the default office, on
/// Monday 30/11/2026 at 10:42 in Rome, when its services are open.
@Suite struct CounterQueueTests {
    /// A driver whose backend is returned too, so tests can act as the rest of the office.
    static func make(columns: Int = 80, rows: Int = 24, openOffice: Bool = true) throws -> (StationDriver, InMemoryQueueBackend) {
        var made: InMemoryQueueBackend?
        let driver = try StationDriver(columns: columns, rows: rows) { clock in
            let backend = try InMemoryQueueBackend(configuration: DefaultQueueOffice.configuration, clock: clock)
            made = backend
            return backend
        }
        guard let backend = made else { throw QueueBackendError.unavailable(reason: "nessun backend") }
        return (driver, backend)
    }

    /// A morning's queue: Anagrafe, CIE (one priority), URP; counter 1 serving, counter 2 in pause.
    static func morning(_ backend: InMemoryQueueBackend, _ driver: StationDriver) async throws {
        try await backend.openOffice()
        for (service, priority) in [("ANA", nil), ("ANA", nil), ("CIE", nil), ("URP", nil), ("CIE", "over75"), ("ANA", nil)] as [(String, String?)] {
            _ = try await backend.issue(IssueRequest(serviceCode: service, priority: priority))
            driver.clock.advance(by: 60)
        }
        try await backend.signIn(counter: 1, operatorID: "giulia.verdi")
        try await backend.signIn(counter: 2, operatorID: "luca.neri")
        _ = try await backend.claim(ClaimRequest(counter: 1, operatorID: "giulia.verdi"))
        try await backend.pause(counter: 2, reason: .phone)
        driver.clock.advance(by: 240)
    }

    static func state(_ backend: InMemoryQueueBackend, _ number: String) async throws -> Ticket {
        try await backend.ticket(number: TicketNumber(parsing: number)!)
    }

    @Test func queuePanelAt80x24() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        assertSnapshot(driver.text, named: "cruscotto-queue-80x24")
        #expect(driver.text.contains("In attesa"))
        // Signed in at counter 3 by the login.
        #expect(await backend.status().counters[2].operatorID == "mario.bianchi")
    }

    @Test func queuePanelAt120x40() async throws {
        let (driver, backend) = try Self.make(columns: 120, rows: 40)
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        assertSnapshot(driver.text, named: "cruscotto-queue-called-120x40")
    }

    @Test func callServeAndClose() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        #expect(driver.terminal.rowText(23).hasPrefix("F1 Aiuto  F2 Chiama  F3 Esci  F5 Aggiorna"))
        #expect(!driver.terminal.rowText(23).contains("F6"))
        await driver.press(.function(2))
        // CIE first for this counter's profile; the priority ticket is due at the first call.
        #expect(driver.state.message == .ok("Chiamato il biglietto C002."))
        assertSnapshot(driver.text, named: "cruscotto-queue-called-80x24")
        #expect(driver.terminal.rowText(23).contains("F6 Richiama"))
        #expect(!driver.terminal.rowText(23).contains("F2"))
        #expect(!driver.terminal.rowText(23).contains("F9"))
        await driver.press(.function(18))  // S-F6: start service
        #expect(try await Self.state(backend, "C002").state == .serving)
        await driver.press(.function(8))
        assertSnapshot(driver.text, named: "cruscotto-queue-close-80x24")
        await driver.press(.down)  // servito con pratica al back office
        await driver.press(.tab)
        await driver.type("CERT-RES")
        await driver.press(.enter)
        let closed = try await Self.state(backend, "C002")
        #expect(closed.state == .done)
        #expect(closed.outcome == "servito_back_office")
        #expect(closed.procedures == ["CERT-RES"])
        #expect(driver.state.cruscotto.counterQueue.current == nil)
        #expect(driver.text.contains("Nessun biglietto chiamato."))
        #expect(driver.state.message == .ok("Biglietto C002 chiuso (servito back office)."))
    }

    @Test func recallThenNoShowAfterTheConfiguredRecalls() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        let bells = driver.bells
        await driver.press(.function(9))
        #expect(driver.bells == bells + 1)  // not before the recalls
        await driver.press(.function(6))
        #expect(driver.state.message == .ok("Biglietto C002 richiamato (1 richiamo)."))
        await driver.press(.function(6))
        #expect(driver.terminal.rowText(23).contains("F9 Assente"))
        await driver.press(.function(9))
        let ticket = try await Self.state(backend, "C002")
        #expect(ticket.state == .noShow)
        #expect(ticket.recallCount == 2)
        #expect(driver.state.cruscotto.counterQueue.current == nil)
        // Back within the window: called again by number, re-activated first.
        driver.clock.advance(by: 120)
        await driver.press(.function(14))  // S-F2
        await driver.type("c2")
        await driver.press(.enter)
        #expect(driver.state.message == .ok("Biglietto C002 riattivato e chiamato."))
        #expect(try await Self.state(backend, "C002").state == .called)
    }

    @Test func accoglienzaIssuesATicketThatTheCounterCalls() async throws {
        let (driver, backend) = try Self.make()
        try await backend.openOffice()
        await driver.logIn()
        await driver.press(.function(16))  // S-F4
        #expect(driver.text.contains("Emetti un biglietto"))
        await driver.press(.down, .down)  // Servizio: C Carta d'identità elettronica
        await driver.press(.tab, .down, .down)  // Priorità: gravidanza
        await driver.press(.tab)
        await driver.type("333 12")
        assertSnapshot(driver.text, named: "cruscotto-queue-issue-80x24")
        await driver.press(.enter)
        #expect(driver.state.message?.kind == .error)  // too short for a phone
        await driver.type("34567")
        await driver.press(.enter)
        #expect(driver.state.message == .ok("Emesso il biglietto C001: 0 persone prima, attesa stimata 0 minuti."))
        let issued = try await Self.state(backend, "C001")
        #expect(issued.priority == "gravidanza")
        #expect(issued.phone == "+393331234567")  // normalised to E.164
        #expect(issued.history.first?.counter == 3)
        await driver.press(.function(2))
        #expect(driver.state.cruscotto.counterQueue.current?.ticket.number.display == "C001")
        await driver.press(.function(8), .enter)
        #expect(try await Self.state(backend, "C001").outcome == "servito")
        #expect(await backend.status().totalWaiting == 0)
    }

    @Test func transferKeepsArrivalAndNote() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        let arrival = try await Self.state(backend, "C002").arrival
        await driver.press(.function(7))
        #expect(driver.text.contains("Trasferisci il biglietto"))
        await driver.press(.tab)
        await driver.type("residenza")
        await driver.press(.enter)  // first choice: A Anagrafe
        let moved = try await Self.state(backend, "C002")
        #expect(moved.state == .transferred)
        #expect(moved.serviceCode == "ANA")
        #expect(moved.arrival == arrival)
        #expect(moved.note == "residenza")
    }

    @Test func parkResumesAtTheHead() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2), .function(18), .function(19))  // call, start, S-F7 park
        #expect(try await Self.state(backend, "C002").state == .parked)
        await driver.press(.function(2))
        #expect(driver.state.cruscotto.counterQueue.current?.ticket.number.display == "C002")
    }

    @Test func lockIsAnAutomaticPause() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.ctrl("l"))
        var line = await backend.status().counters[2]
        #expect(line.activity == .paused)
        #expect(line.pauseReason == "schermo bloccato")
        await driver.type("sportello-3")
        await driver.press(.enter)
        line = await backend.status().counters[2]
        #expect(line.activity == .idle)
        // A pause chosen by the operator stays through a lock.
        await driver.press(.function(21), .enter)  // S-F9, "pausa"
        #expect(await backend.status().counters[2].pauseReason == "pausa")
        #expect(driver.terminal.rowText(23).contains("Pausa"))
        #expect(!driver.terminal.rowText(23).contains("F2"))
        await driver.press(.ctrl("l"))
        await driver.type("sportello-3")
        await driver.press(.enter)
        #expect(await backend.status().counters[2].pauseReason == "pausa")
        await driver.press(.function(21))
        #expect(await backend.status().counters[2].activity == .idle)
        let day = try #require(await backend.officeDay(LocalDay(containing: driver.clock.now())))
        #expect(day.pauses(counter: 3, until: driver.clock.now()).map(\.reason) == [.screenLocked, .rest])
    }

    @Test func refusedTransitionSaysWhyAndLosesNothing() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        let held = try #require(driver.state.cruscotto.counterQueue.current)
        // Someone else closes the ticket with its token (a command on the office host).
        _ = try await backend.transition(TransitionRequest(
            ticketID: held.ticket.id, token: held.token, action: .close(outcome: "servito", procedures: [], contactID: nil), counter: nil))
        await driver.press(.function(6))
        #expect(driver.state.message == .error("Il biglietto C002 è già chiuso (servito)"))
        #expect(driver.state.cruscotto.counterQueue.current == nil)
        // The counter can go on calling.
        await driver.press(.function(2))
        #expect(driver.state.cruscotto.counterQueue.current != nil)
    }

    @Test func aHeldTicketSurvivesLogoutAndLogin() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(2))
        let held = try #require(driver.state.cruscotto.counterQueue.current)
        await driver.press(.function(15))  // S-F3 logout
        #expect(driver.state.message == .warning("Coda: lo sportello 3 ha ancora un biglietto: resta assegnato finché non viene chiuso"))
        await driver.logIn()
        #expect(driver.state.cruscotto.counterQueue.current == held)
        await driver.press(.function(8), .enter)
        #expect(try await Self.state(backend, "C002").state == .done)
    }

    @Test func liveRefreshShowsOtherCounters() async throws {
        let (driver, backend) = try Self.make(columns: 120, rows: 40)
        try await Self.morning(backend, driver)
        await driver.logIn()
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        await driver.tick()
        #expect(driver.state.cruscotto.counterQueue.status?.totalWaiting == 6)
        #expect(driver.text.contains("1  A001   giulia.verdi"))
        #expect(driver.text.contains("2  pausa  luca.neri"))
    }

    @Test func callNumberRejectsABadNumber() async throws {
        let (driver, backend) = try Self.make()
        try await Self.morning(backend, driver)
        await driver.logIn()
        await driver.press(.function(14))
        await driver.type("42")
        await driver.press(.enter)
        #expect(driver.state.message?.kind == .error)
        #expect(driver.state.cruscotto.counterQueue.dialog != nil)
        await driver.press(.escape)
        #expect(driver.state.cruscotto.counterQueue.dialog == nil)
        #expect(driver.state.message == .info("Operazione annullata."))
        await driver.press(.function(14))
        await driver.type("Z9")
        await driver.press(.enter)
        #expect(driver.state.message == .error("Il biglietto Z009 non esiste oggi (30/11/2026)"))
    }

    @Test func withoutAQueueThePanelSaysSo() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        #expect(driver.text.contains("Coda non attiva."))
        #expect(!driver.terminal.rowText(23).contains("F2"))
    }
}

/// With a change watch the tick reads the queue only when the central side changed.
@Suite struct CounterQueueChangeWatchTests {
    final class Signal: @unchecked Sendable {
        private let lock = NSLock()
        private var changed = false
        private(set) var asked = 0
        func set() { lock.withLock { changed = true } }
        func take() -> Bool { lock.withLock { asked += 1; defer { changed = false }; return changed } }
    }

    @Test func tickReadsOnlyAfterAChange() async throws {
        let clock = ManualClock(StationDriver.start)
        let backend = try InMemoryQueueBackend(configuration: DefaultQueueOffice.configuration, clock: clock)
        let signal = Signal()
        let program = CruscottoProgram(service: FakeSessionService(), clock: clock, queue: backend,
                                       queueChanged: { signal.take() })
        var state = CruscottoAppState(
            station: StationSummary(officeName: "Sportello Facile", stationID: "sportello-3", counter: 3, idleLockMinutes: 5),
            central: .localOnly, now: clock.now(), size: TerminalSize(columns: 80, rows: 24))
        state.session = FakeSessionService.mario
        state.mode = .cruscotto
        func send(_ msg: AppMsg<CruscottoMessage>) async {
            for case .run(let work) in program.update(&state, msg) { await send(.message(await work())) }
        }
        await send(.tick(clock.now()))  // first read: nothing read yet
        #expect(state.cruscotto.counterQueue.status?.totalWaiting == 0)
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.advance(by: 1)
        await send(.tick(clock.now()))
        #expect(state.cruscotto.counterQueue.status?.totalWaiting == 0)  // the watch saw nothing
        signal.set()
        clock.advance(by: 1)
        await send(.tick(clock.now()))
        #expect(state.cruscotto.counterQueue.status?.totalWaiting == 1)
        #expect(signal.asked == 2)
    }
}
