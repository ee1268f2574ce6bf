import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// The display of the tmux scenario (`Tests/Scenarios/totem-display.sh`) drawn on a virtual
/// terminal: the default office of a new central file, ticket A001 issued by the totem and
/// called at counter 2 at 10:42. The golden is shared with the scenario.
@Suite struct DisplayScenarioTests {
    @Test func scenarioScreen() async throws {
        let clock = KioskClock()
        let backend = try InMemoryQueueBackend(configuration: DefaultQueueOffice.configuration, clock: clock)
        let program = DisplayProgram(officeName: "Comune di Prova", source: LiveQueueSource(backend: backend, clock: clock),
                                     authenticator: FakeAuthenticator(), clock: clock)
        var state = DisplayState()
        await drive(program, &state, .tick(clock.now()))
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        _ = try #require(try await backend.claim(ClaimRequest(counter: 2)))
        let effects = await drive(program, &state, .tick(clock.now()))
        #expect(effects.contains { $0.isBell })
        assertSnapshot(try screen(program, state, clock: clock).text, named: "display-scenario-80x24")
    }
}
