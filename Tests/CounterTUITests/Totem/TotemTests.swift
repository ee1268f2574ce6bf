import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

@Suite struct TotemTests {
    struct Fixture {
        let clock = KioskClock()
        let backend: InMemoryQueueBackend
        let program: TotemProgram
        var state = TotemState()

        init(printer: TicketPrinter? = nil, appointmentOnly: Set<String> = ["CIE"]) throws {
            backend = try KioskFixture.backend(clock: clock)
            program = TotemProgram(
                settings: TotemSettings(officeName: "Comune di Piacenza · Sportello Facile", appointmentOnly: appointmentOnly,
                                        hasPrinter: printer != nil),
                source: LiveQueueSource(backend: backend, clock: clock), printer: printer,
                authenticator: FakeAuthenticator(), clock: clock)
        }

        mutating func tick() async { await drive(program, &state, .tick(clock.now())) }
        mutating func press(_ action: String) async -> [AppEffect<TotemMessage>] {
            await drive(program, &state, .action(action))
        }
        func screen(columns: Int = 80, rows: Int = 24) throws -> VirtualTerminal {
            try CounterTUITests.screen(program, state, columns: columns, rows: rows, clock: clock)
        }
    }

    static func tempFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("totem-\(UUID().uuidString).txt").path
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func menuShowsEveryServiceWithItsLiveWait(columns: Int, rows: Int) async throws {
        var totem = try Fixture()
        try await KioskFixture.fill(totem.backend)
        await totem.tick()
        let terminal = try totem.screen(columns: columns, rows: rows)
        assertSnapshot(terminal.text, named: "totem-menu-\(columns)x\(rows)")
        let text = terminal.text
        // 7 waiting for Anagrafe, 8 minutes each, counters 1, 2, 3 and 13 serve it: 56/4 = 14.
        #expect(text.contains("in attesa 7 · circa 14 min"))
        #expect(text.contains("solo su appuntamento"))
        #expect(text.contains("chiuso in questo momento"))
        #expect(text.contains("in attesa 0 · subito"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func ticketInBlockDigitsWithPeopleAheadAndEstimate(columns: Int, rows: Int) async throws {
        var totem = try Fixture()
        try await KioskFixture.fill(totem.backend)
        await totem.tick()
        _ = await totem.press("totem.choose_1")
        guard case .ticket(let ticket, _) = totem.state.page else {
            Issue.record("no ticket shown: \(totem.state.page)")
            return
        }
        #expect(ticket.number == "A008" && ticket.peopleAhead == 7 && ticket.estimatedMinutes == 14)
        let stored = try await totem.backend.ticket(number: TicketNumber(parsing: "A008")!)
        #expect(stored.estimatedWaitMinutes == 14 && stored.peopleAheadAtIssue == 7)
        let terminal = try totem.screen(columns: columns, rows: rows)
        assertSnapshot(terminal.text, named: "totem-ticket-\(columns)x\(rows)")
        let scale = columns >= 120 ? 2 : 1
        #expect(terminal.text.contains(BlockDigits.lines("A008", scale: scale).first!.trimmingCharacters(in: .whitespaces)))
        // Back to the menu after a few seconds.
        totem.clock.advance(seconds: 9)
        await totem.tick()
        #expect(totem.state.page == .menu)
    }

    @Test func estimateUsesRecentServiceTimes() async throws {
        var totem = try Fixture()
        // Three Anagrafe services of 4 minutes at counter 1, then 4 people waiting.
        for _ in 0..<3 {
            let issued = try await totem.backend.issue(IssueRequest(serviceCode: "ANA"))
            let claim = try #require(try await totem.backend.claim(ClaimRequest(counter: 1, target: .specific(issued.number))))
            _ = try await totem.backend.transition(TransitionRequest(ticketID: issued.id, token: claim.token, action: .startService, counter: 1))
            totem.clock.advance(seconds: 240)
            _ = try await totem.backend.transition(TransitionRequest(
                ticketID: issued.id, token: claim.token, action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1))
        }
        for _ in 0..<4 { _ = try await totem.backend.issue(IssueRequest(serviceCode: "ANA")) }
        await totem.tick()
        // 4 × 240 s over 4 counters (none staffed: every counter serving ANA counts) = 4 min.
        #expect(totem.state.live.estimate(for: "ANA", at: totem.clock.now()) == WaitEstimate(peopleAhead: 4, minutes: 4))
        _ = await totem.press("totem.choose_1")
        guard case .ticket(let ticket, _) = totem.state.page else { Issue.record("no ticket"); return }
        #expect(ticket.peopleAhead == 4 && ticket.estimatedMinutes == 4)
    }

    @Test func closedAndAppointmentOnlyServicesSaySoAndIssueNothing() async throws {
        var totem = try Fixture()
        await totem.tick()
        _ = await totem.press("totem.choose_2")
        #expect(totem.state.citizenNotice?.text == "Carta d'identità (CIE): solo su appuntamento. Rivolgetevi all'accoglienza.")
        _ = await totem.press("totem.choose_6")
        #expect(totem.state.citizenNotice?.text.hasPrefix("Il servizio Tributi è chiuso: apre lunedì–venerdì 14:30–17:00") == true)
        #expect(await totem.backend.tickets(on: LocalDay(containing: totem.clock.now())).isEmpty)
        #expect(totem.state.page == .menu)
    }

    @Test func priorityCategoryGoesWithTheTicket() async throws {
        var totem = try Fixture()
        await totem.tick()
        _ = await totem.press("totem.priority")
        #expect(totem.state.page == .priority)
        #expect(totem.program.enabledActions(in: totem.state).contains("totem.choose_3"))
        #expect(!totem.program.enabledActions(in: totem.state).contains("totem.choose_4"))
        _ = await totem.press("totem.choose_2")
        #expect(totem.state.priority?.code == "gravidanza")
        _ = await totem.press("totem.choose_4")
        let issued = try await totem.backend.ticket(number: TicketNumber(parsing: "S001")!)
        #expect(issued.priority == "gravidanza")
        #expect(totem.state.priority == nil)
    }

    @Test func printedTicketCarriesTheNumber() async throws {
        let path = Self.tempFile()
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        var totem = try Fixture(printer: TicketPrinter(target: .device(path: path)))
        await totem.tick()
        _ = await totem.press("totem.choose_3")
        let paper = try String(contentsOfFile: path, encoding: .utf8)
        #expect(paper.contains("Biglietto U001") && paper.contains("Informazioni e consegne"))
        #expect(paper.contains("Data: 30/11/2026   Ora: 10:42") && paper.contains("Persone prima di voi: 0"))
        guard case .ticket(let ticket, _) = totem.state.page else { Issue.record("no ticket"); return }
        #expect(ticket.printing == .printed)
        #expect(totem.state.staffNotice == nil)
    }

    @Test func failingPrinterStillIssuesAndTellsTheStaff() async throws {
        var totem = try Fixture(printer: TicketPrinter(target: .command("exit 1")))
        await totem.tick()
        _ = await totem.press("totem.choose_1")
        guard case .ticket(let ticket, _) = totem.state.page else { Issue.record("no ticket"); return }
        #expect(ticket.number == "A001")
        #expect(ticket.printing == .failed("comando di stampa terminato con errore 1"))
        #expect(totem.state.staffNotice == "Stampante: comando di stampa terminato con errore 1 (biglietto A001 mostrato solo a schermo)")
        let terminal = try totem.screen()
        assertSnapshot(terminal.text, named: "totem-printer-failed-80x24")
        // The notice stays on the menu for the staff.
        totem.clock.advance(seconds: 9)
        await totem.tick()
        #expect(try totem.screen().rowText(23).contains("Attenzione: Stampante"))
    }

    @Test func leavingNeedsAnOperatorsPassword() async throws {
        var totem = try Fixture()
        await totem.tick()
        _ = await totem.press("app.exit")
        guard case .exit = totem.state.page else { Issue.record("no prompt"); return }
        // Digits type into the prompt instead of issuing tickets.
        #expect(!totem.program.enabledActions(in: totem.state).contains("totem.choose_1"))
        for c in "mario" { await drive(totem.program, &totem.state, .key(.character(c))) }
        _ = await totem.press("app.confirm")
        for c in "sbagliata" { await drive(totem.program, &totem.state, .key(.character(c))) }
        let refused = await totem.press("app.confirm")
        #expect(!refused.contains { $0.isQuit })
        guard case .exit(let prompt, _) = totem.state.page else { Issue.record("prompt closed"); return }
        #expect(prompt.message == "Nome utente o password non validi." && prompt.password.isEmpty)
        assertSnapshot(try totem.screen().text, named: "totem-exit-80x24")
        for c in "segreto" { await drive(totem.program, &totem.state, .key(.character(c))) }
        let accepted = await totem.press("app.confirm")
        #expect(accepted.contains { $0.isQuit })
    }

    @Test func lostCentralIsShownAndIssuingRecoversAfterwards() async throws {
        let clock = KioskClock()
        let backend = try KioskFixture.backend(clock: clock)
        let available = Flag(true)
        let source = LiveQueueSource(clock: clock) {
            guard available.value else { throw QueueBackendError.unavailable(reason: "file non raggiungibile") }
            return (backend, FlakySignal(available: available))
        }
        let program = TotemProgram(settings: TotemSettings(officeName: "Comune di Prova", hasPrinter: false),
                                   source: source, printer: nil, authenticator: FakeAuthenticator(), clock: clock)
        var state = TotemState()
        await drive(program, &state, .tick(clock.now()))
        #expect(state.live.connection == .live)
        available.value = false
        clock.advance(seconds: 11)
        await drive(program, &state, .tick(clock.now()))
        #expect(state.live.connection == .lost(since: KioskClock.start, reason: "nessuna risposta dalla centrale"))
        #expect(try screen(program, state, clock: clock).text.contains("Collegamento con la centrale interrotto dalle 10:42"))
        await drive(program, &state, .action("totem.choose_1"))
        #expect(state.citizenNotice?.text.hasPrefix("Biglietto non emesso") == true)
        available.value = true
        clock.advance(seconds: 1)
        await drive(program, &state, .tick(clock.now()))
        #expect(state.live.connection == .live)
        await drive(program, &state, .action("totem.choose_1"))
        guard case .ticket(let ticket, _) = state.page else { Issue.record("no ticket"); return }
        #expect(ticket.number == "A001")
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool
    init(_ value: Bool) { stored = value }
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A change signal that fails while the flag is down (the central file unreachable).
struct FlakySignal: QueueChangeSignal {
    let available: Flag
    func hasChanged() async throws -> Bool {
        guard available.value else { throw QueueBackendError.unavailable(reason: "file non raggiungibile") }
        return true
    }
}
