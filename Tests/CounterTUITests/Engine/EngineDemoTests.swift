import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

@Suite struct EngineDemoTests {
    /// 2026-11-30T09:42:00Z, 10:42 in Rome: the clock of every golden screen.
    static let clock = FixedClock(Date(timeIntervalSince1970: 1_796_031_720))

    func makeDemo(columns: Int = 80, rows: Int = 24) throws -> (VirtualTerminal, AppRuntime<EngineDemoProgram>) {
        let terminal = VirtualTerminal(columns: columns, rows: rows)
        let runtime = AppRuntime(
            program: EngineDemoProgram(),
            state: EngineDemoState(size: terminal.size),
            terminal: terminal,
            bindings: try Keymap.loadDefault(),
            clock: Self.clock,
            tickInterval: nil
        )
        runtime.render()
        return (terminal, runtime)
    }

    @Test func environmentClockIsTheGoldenClock() throws {
        let clock = try EnvironmentClock.make(environment: ["SPORTELLO_FIXED_CLOCK": "2026-11-30T09:42:00Z"])
        #expect(clock.now() == Self.clock.now())
        #expect(throws: EnvironmentClock.Failure.self) { try EnvironmentClock.make(environment: ["SPORTELLO_FIXED_CLOCK": "ieri"]) }
    }

    @Test func demoAt80x24() throws {
        let (terminal, _) = try makeDemo()
        assertSnapshot(terminal.text, named: "engine-demo-80x24")
        #expect(terminal.rowText(0).hasSuffix("lun 30/11/2026 10:42"))
    }

    @Test func helpOverlayAt80x24() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.function(1)))
        assertSnapshot(terminal.text, named: "engine-demo-help-80x24")
        runtime.handle(TerminalEvent.key(.escape))
        #expect(runtime.state.stack.isAtRoot)
    }

    @Test func demoAt120x40() throws {
        let (terminal, _) = try makeDemo(columns: 120, rows: 40)
        assertSnapshot(terminal.text, named: "engine-demo-120x40")
    }

    @Test func smallTerminalNotice() throws {
        let (terminal, _) = try makeDemo(columns: 60, rows: 20)
        assertSnapshot(terminal.text, named: "engine-small-terminal")
    }

    @Test func fieldInErrorIsReverseVideoInMonochrome() throws {
        let (terminal, _) = try makeDemo()
        let row = try #require((0..<24).first { terminal.rowText($0).contains("Codice fiscale  RSSNCL80A01H50") })
        let x = 18
        #expect(terminal.style(x: x, y: row) == .error)
        #expect(Style.error.monochrome.contains(.reverse))
    }

    @Test func typingTheMissingCharactersClearsTheError() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.tab))
        runtime.handle(TerminalEvent.key(.tab))
        #expect(runtime.state.focus.focused == .fiscalCode)
        for character in "1x" { runtime.handle(TerminalEvent.key(.character(character))) }
        #expect(runtime.state.fiscalCode.editor.text == "RSSNCL80A01H501X")
        #expect(runtime.state.fiscalCode.error == nil)
        #expect(terminal.text.contains("Scheda completa."))
    }

    @Test func typingOneCharacterWritesFewCells() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.tab))
        let before = terminal.cellsWrittenTotal
        runtime.handle(TerminalEvent.key(.character("a")))
        // The character itself and the cursor column's filler; nothing else changes.
        #expect(terminal.cellsWrittenTotal - before <= 2)
        #expect(runtime.state.name.editor.text == "Niccolòa")
    }

    @Test func exitNeedsConfirmationAndEscCancelsIt() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.ctrl("c")))
        #expect(runtime.state.stack.top == .confirmExit)
        #expect(terminal.text.contains("Uscire dalla prova del motore?"))
        runtime.handle(TerminalEvent.key(.function(12)))
        #expect(runtime.state.stack.isAtRoot)
        #expect(!runtime.isFinished)
        runtime.handle(TerminalEvent.key(.function(3)))
        runtime.handle(TerminalEvent.key(.enter))
        #expect(runtime.isFinished)
    }

    @Test func listScrollsAndEnterLoadsThePerson() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.backTab))
        #expect(runtime.state.focus.focused == .people)
        runtime.handle(TerminalEvent.key(.down))
        runtime.handle(TerminalEvent.key(.enter))
        #expect(runtime.state.name.editor.text == "Nicolo\u{0300}")
        #expect(terminal.text.contains("Caricata la scheda di Bianchi Nicolò."))
        runtime.handle(TerminalEvent.key(.pageDown))
        runtime.handle(TerminalEvent.key(.pageDown))
        #expect(runtime.state.people.selected == EngineDemoPerson.all.count - 1)
        #expect(terminal.text.contains("Mariani Noemi"))
        #expect(!terminal.text.contains("Rossi Niccolò  "))
    }

    @Test func confirmingAValidFormRunsTheEffect() async throws {
        let (terminal, runtime) = try makeDemo()
        terminal.feed(.tab, .tab, .character("1"), .character("X"), .enter)
        terminal.finishInput()
        await runtime.run()
        #expect(runtime.state.savedKeys == ["ROSSI NICCOLO/RSSNCL80A01H501X"])
        #expect(terminal.text.contains("confermata"))
    }

    @Test func confirmingAnInvalidFormFocusesTheFieldInError() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.enter))
        #expect(runtime.state.focus.focused == .fiscalCode)
        #expect(terminal.text.contains("Errore: Codice fiscale: 14/16 caratteri."))
        #expect(terminal.bellCount == 1)
    }

    @Test func resizeKeepsTheState() throws {
        let (terminal, runtime) = try makeDemo()
        runtime.handle(TerminalEvent.key(.tab))
        terminal.resize(columns: 120, rows: 40)
        runtime.handle(TerminalEvent.resize(terminal.size))
        #expect(runtime.state.focus.focused == .name)
        #expect(terminal.screen.size == TerminalSize(columns: 120, rows: 40))
    }
}

@Suite struct EngineDemoKeymapTests {
    @Test func userKeymapRebindsTheDemoKeysAndTheBarFollows() throws {
        let keymap = try Keymap.load(userText: "[screen.engine_demo]\n\"F2\" = \"app.help\"\n\"F1\" = \"none\"\n", name: "prova.toml")
        let terminal = VirtualTerminal()
        let runtime = AppRuntime(
            program: EngineDemoProgram(), state: EngineDemoState(size: terminal.size), terminal: terminal,
            bindings: keymap, clock: EngineDemoTests.clock, tickInterval: nil
        )
        runtime.render()
        #expect(terminal.rowText(23) == "F2 Aiuto  F3 Esci")
        runtime.handle(TerminalEvent.key(.function(1)))
        #expect(terminal.bellCount == 1)
        #expect(runtime.state.stack.isAtRoot)
        runtime.handle(TerminalEvent.key(.function(2)))
        #expect(runtime.state.stack.top == .help)
    }
}

@Suite struct EngineDemoNavigationTests {
    @Test(arguments: [Key.function(3), .function(12), .escape, .function(1)])
    func helpOverlayClosesWithBackCancelOrHelp(_ key: Key) throws {
        let terminal = VirtualTerminal()
        let runtime = AppRuntime(
            program: EngineDemoProgram(), state: EngineDemoState(size: terminal.size), terminal: terminal,
            bindings: try Keymap.loadDefault(), clock: EngineDemoTests.clock, tickInterval: nil
        )
        runtime.handle(TerminalEvent.key(.function(1)))
        #expect(runtime.state.stack.top == .help)
        runtime.handle(TerminalEvent.key(key))
        #expect(runtime.state.stack.isAtRoot)
        #expect(!runtime.isFinished)
        #expect(terminal.bellCount == 0)
    }
}

@Suite struct EngineDemoActionLogTests {
    @Test func tallTerminalsShowTheActionsReceivedNewestFirst() throws {
        let terminal = VirtualTerminal(columns: 120, rows: 40)
        let runtime = AppRuntime(
            program: EngineDemoProgram(), state: EngineDemoState(size: terminal.size), terminal: terminal,
            bindings: try Keymap.loadDefault(), clock: EngineDemoTests.clock, tickInterval: nil
        )
        runtime.render()
        runtime.handle(TerminalEvent.key(.tab))
        runtime.handle(TerminalEvent.key(.character("x")))
        let rows = (0..<40).map(terminal.rowText)
        let first = try #require(rows.firstIndex { $0.contains("│ testo: x") })
        #expect(rows[first + 1].contains("│ focus.next"))
        #expect(runtime.state.actionLog == ["focus.next", "testo: x"])
    }
}
