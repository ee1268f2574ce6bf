import Foundation
import Testing
@testable import LocalStore

/// Wake-ups across a server restart. It restarts the shared test cluster, so it runs in the
/// separate fault step of `scripts/test` (suite name with `FaultSuite`).
@Suite(.enabled(if: PostgresTestRestart.isAvailable))
struct PostgresWakeupsFaultSuite {
    @Test func itComesBackAfterTheServerRestarts() async throws {
        try await PostgresTestDatabase.with(suite: "wakeuprestart") { handle in
            let wakeups = PostgresWakeups(url: handle.url, timing: PostgresWakeupsTests.quiet)
            try await PostgresWakeupsTests.waitUntilListening(wakeups)
            let before = wakeups.statistics
            _ = wakeups.hasChanged()

            try await PostgresTestRestart.run()
            try await PostgresWakeupsTests.waitUntil(wakeups) { $0.listening && $0.connects > before.connects }
            #expect(wakeups.hasChanged())  // the reconnect asks for a pull
            #expect(wakeups.statistics.failures > before.failures)
            #expect(wakeups.statistics.backendPID != before.backendPID)

            _ = wakeups.hasChanged()
            try await PostgresTestDatabase.exec(handle.url, "SELECT pg_notify('sportello_queue', 'restarted')")
            #expect(await wakeups.waitForChange(upTo: .seconds(20)))
            #expect(wakeups.statistics.notifications >= 1)
            await wakeups.stop()
        }
    }
}
