import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

@Suite struct DisplayTests {
    struct Fixture {
        let clock = KioskClock()
        let backend: InMemoryQueueBackend
        let program: DisplayProgram
        let available = Flag(true)
        var state = DisplayState()

        init() throws {
            let backend = try KioskFixture.backend(clock: clock)
            self.backend = backend
            let available = self.available
            let source = LiveQueueSource(clock: clock) {
                guard available.value else { throw QueueBackendError.unavailable(reason: "file non raggiungibile") }
                return (backend, FlakySignal(available: available))
            }
            program = DisplayProgram(officeName: "Sportello Facile", source: source,
                                     authenticator: FakeAuthenticator(), clock: clock)
        }

        @discardableResult
        mutating func tick(after seconds: TimeInterval = 0.2) async -> [AppEffect<DisplayMessage>] {
            clock.advance(seconds: seconds)
            return await drive(program, &state, .tick(clock.now()))
        }

        func call(counter: Int) async throws -> QueueClaim? {
            try await backend.claim(ClaimRequest(counter: counter))
        }

        /// Closes what the counter holds, so that it can call again.
        func finish(counter: Int) async throws {
            let held = await backend.tickets(on: LocalDay(containing: clock.now()))
                .filter { $0.state.isClaimed && $0.counter == counter }
            for ticket in held {
                _ = try await backend.transition(TransitionRequest(
                    ticketID: ticket.id, token: ticket.token,
                    action: .close(outcome: "servito", procedures: [], contactID: nil), counter: counter))
            }
        }

        func screen(columns: Int = 80, rows: Int = 24) throws -> VirtualTerminal {
            try CounterTUITests.screen(program, state, columns: columns, rows: rows, clock: clock)
        }
    }

    /// Seven calls over a few minutes; the newest (A005 at counter 13) was just made.
    static func morning() async throws -> Fixture {
        var display = try Fixture()
        try await KioskFixture.fill(display.backend)
        await display.tick()
        for counter in [1, 2, 3] {
            let claim = try #require(try await display.call(counter: counter))
            display.clock.advance(seconds: 60)
            _ = try await display.backend.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token, action: .startService, counter: counter))
            display.clock.advance(seconds: 180)
            _ = try await display.backend.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token, action: .close(outcome: "servito", procedures: [], contactID: nil),
                counter: counter))
        }
        for counter in [1, 2, 3] { _ = try await display.call(counter: counter) }
        await display.tick()
        _ = try await display.call(counter: 13)
        return display
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func newestCallInBlockDigitsWithCounterAndBell(columns: Int, rows: Int) async throws {
        var display = try await Self.morning()
        let effects = await display.tick()
        #expect(effects.filter(\.isBell).count == 1)
        #expect(display.state.live.calls.first?.number == "A007" && display.state.live.calls.first?.counter == 13)
        let terminal = try display.screen(columns: columns, rows: rows)
        assertSnapshot(terminal.text, named: "display-\(columns)x\(rows)")
        #expect(terminal.text.contains("NUOVA CHIAMATA"))
        // The highlight ends, the call stays.
        await display.tick(after: 31)
        #expect(try !display.screen().text.contains("NUOVA CHIAMATA"))
        #expect(display.state.live.calls.first?.number == "A007")
    }

    @Test func callsMadeBeforeStartRingNoBell() async throws {
        var display = try Fixture()
        try await KioskFixture.fill(display.backend)
        _ = try await display.call(counter: 1)
        let effects = await display.tick()
        #expect(!effects.contains { $0.isBell })
        #expect(display.state.live.calls.map(\.number) == ["A001"])
    }

    @Test func lostCentralIsSaidInsteadOfStaleCalls() async throws {
        var display = try await Self.morning()
        await display.tick()
        display.available.value = false
        await display.tick()
        let terminal = try display.screen()
        assertSnapshot(terminal.text, named: "display-lost-80x24")
        #expect(terminal.text.contains("Collegamento con la centrale interrotto dalle 10:54"))
        #expect(!terminal.text.contains("A006"))
        // Back in contact: the calls made meanwhile appear, with the bell.
        try await display.finish(counter: 1)
        _ = try #require(try await display.call(counter: 1))
        display.available.value = true
        let effects = await display.tick(after: 5)
        #expect(effects.contains { $0.isBell })
        #expect(display.state.live.connection == .live)
    }

    @Test func stuckReadsCountAsLostContact() async throws {
        var display = try Fixture()
        await display.tick()
        // A look that never comes back (a lock held elsewhere): no answer for over 10 s.
        display.state.live.polling = true
        display.clock.advance(seconds: 11)
        await drive(display.program, &display.state, .tick(display.clock.now()))
        guard case .lost = display.state.live.connection else { Issue.record("still live"); return }
    }

    @Test func keysThatMeanNothingAreIgnoredWithoutASound() async throws {
        let display = try await Self.morning()
        let terminal = VirtualTerminal()
        let runtime = AppRuntime(program: display.program, state: display.state, terminal: terminal,
                                 bindings: try Keymap.loadDefault(), clock: display.clock, tickInterval: nil)
        runtime.render()
        let before = terminal.text
        for key in [Key.character("x"), .character("1"), .function(2), .enter, .up, .ctrl("l")] {
            runtime.handle(.key(key))
        }
        #expect(terminal.bellCount == 0)
        #expect(terminal.text == before)
        runtime.handle(.key(.function(3)))
        #expect(runtime.state.prompt != nil)
        runtime.handle(.key(.escape))
        #expect(runtime.state.prompt == nil)
    }

    @Test func leavingNeedsAnOperatorsPassword() async throws {
        var display = try Fixture()
        await drive(display.program, &display.state, .action("app.exit"))
        for c in "mario" { await drive(display.program, &display.state, .key(.character(c))) }
        await drive(display.program, &display.state, .action("focus.next"))
        for c in "segreto" { await drive(display.program, &display.state, .key(.character(c))) }
        let effects = await drive(display.program, &display.state, .action("app.confirm"))
        #expect(effects.contains { $0.isQuit })
    }

    @Test func historyStaysBoundedOverADay() async throws {
        var display = try Fixture()
        try await KioskFixture.fill(display.backend)
        for _ in 0..<40 { _ = try await display.backend.issue(IssueRequest(serviceCode: "ANA")) }
        await display.tick()
        for _ in 0..<40 {
            guard let claim = try await display.call(counter: 1) else { break }
            _ = try await display.backend.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token, action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1))
            await display.tick(after: 1)
        }
        #expect(display.state.live.calls.count == LiveQueue.callCapacity)
    }

    /// CI soak: 5,000 calls on the injected clock, in a process of its own (the built binary's
    /// `bench display-soak`) so that other tests running in parallel cannot blur the memory
    /// figures. Resident memory is read after a warm-up and at the end; a leak of even one
    /// frame buffer (80×24 cells) per call would add over 10 MB, so growth is bounded at 8 MB.
    @Test func soakOf5000CallsKeepsMemoryFlat() async throws {
        let report = try await Self.soakReport(calls: 5000)
        #expect(report["bells"] as? Int == 5000)
        #expect(report["last_called_shown"] as? String == report["last_called"] as? String)
        #expect((report["held_calls"] as? Int ?? .max) <= LiveQueue.callCapacity)
        #expect((report["held_samples"] as? Int ?? .max) <= DisplaySoak.configuration.services.count * ServiceTimeSamples.defaultCapacity)
        let growth = try #require(report["resident_growth_bytes"] as? Int)
        #expect(growth < 8 * 1024 * 1024, "resident memory grew by \(growth) bytes")
    }

    static func soakReport(calls: Int) async throws -> [String: Any] {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [environment["SPORTELLO_BIN"], root.appendingPathComponent(".build/debug/sportello-tui").path]
        guard let binary = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            // No binary built: measure in this process (other tests may add noise).
            let report = await DisplaySoak.run(calls: calls, secondsPerCall: 10, ticksPerCall: 2, warmUp: 500)
            return ["bells": report.bells, "last_called": report.lastCalled, "last_called_shown": report.lastCalledShown ?? "",
                    "held_calls": report.heldCalls, "held_samples": report.heldSamples,
                    "resident_growth_bytes": (report.residentEnd ?? 0) - (report.residentStart ?? 0)]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["bench", "display-soak", "--calls", String(calls), "--ticks-per-call", "2",
                             "--warm-up", "500", "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
