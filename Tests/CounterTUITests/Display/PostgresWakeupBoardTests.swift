import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// A board on PostgreSQL built as the display command builds it (its own station queue, one
/// LISTEN connection whose wake-ups are also the source's signal): a call made through another
/// station's backend reaches it, and after the server terminates its listening connection it
/// reconnects, says so, and the next call reaches it too. Waits are generous and nothing is
/// timed (speed: `bench call-visibility`).
@Suite(.enabled(if: BoardTestServer.url != nil)) struct PostgresWakeupBoardTests {

    static let configuration: QueueConfiguration = {
        let allDay = OpeningHours(Weekday.allCases, [OpeningInterval(parsing: "00:00-24:00")!])
        return QueueConfiguration(
            services: [Service(code: "ANA", name: "Anagrafe", prefix: "A", hours: allDay, typicalServiceMinutes: 8)],
            profiles: [CounterProfile(code: "poli", name: "Polifunzionale", serviceCodes: ["ANA"])],
            counters: [Counter(number: 1, profileCode: "poli"), Counter(number: 2, profileCode: "poli")])
    }()

    /// A new migrated database for `body`, dropped afterwards.
    static func withDatabase(_ body: (PostgresCentralURL) async throws -> Void) async throws {
        let admin = try PostgresCentralURL(parsing: try #require(BoardTestServer.url))
        let name = "sportello_test_boardwake_\(String(UInt64.random(in: 0..<UInt64.max), radix: 36))"
        let url = admin.with(database: name)
        try await PostgresCentralAdmin.execute(admin, sql: "CREATE DATABASE \"\(name)\"")
        do {
            _ = try await CentralMigrator.migrate(url)
            let central = try await PostgresCentral.connect(url, maximumConnections: 1)
            defer { central.shutdown() }
            try await PostgresQueueBackend.replaceConfiguration(configuration, in: central)
            try await body(url)
        } catch {
            try? await PostgresCentralAdmin.execute(admin, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            throw error
        }
        try await PostgresCentralAdmin.execute(admin, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
    }

    struct Board {
        let program: DisplayProgram
        var state = DisplayState()
        var reconnects = 0

        /// Delivers wake-ups (as the loop does) until `condition` holds; false after 30 s.
        mutating func wake(until condition: (Board) -> Bool) async -> Bool {
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                if condition(self) { return true }
                guard let subscription = program.subscriptions(in: state).first else { return false }
                let message = await subscription.next()
                if case .woke(let wake) = message, wake.reconnected { reconnects += 1 }
                await drive(program, &state, .message(message))
            }
            return condition(self)
        }
    }

    @Test func aCallAtOneStationWakesTheBoardOfAnother() async throws {
        try await Self.withDatabase { url in
            let clock = SystemClock()
            let callerLink = PostgresCentralLink(url: url), boardLink = PostgresCentralLink(url: url)
            let caller = PostgresStationQueue(link: callerLink, clock: clock)
            let boardQueue = PostgresStationQueue(link: boardLink, clock: clock)
            let wakeups = QueueWakeups.postgres(url)
            let signal = wakeups.signal
            var board = Board(program: DisplayProgram(
                officeName: "Prova", source: LiveQueueSource(clock: clock) { (boardQueue, signal) },
                authenticator: RefusingAuthenticator(), clock: clock, wakeups: wakeups))

            for _ in 0..<3 { _ = try await caller.issue(IssueRequest(serviceCode: "ANA")) }
            #expect(await board.wake { $0.state.live.connection == .live && $0.state.live.caughtUp })
            #expect(board.state.live.calls.isEmpty)

            let first = try #require(try await caller.claim(ClaimRequest(counter: 1, operatorID: "prova")))
            #expect(await board.wake { $0.state.live.calls.first?.number == first.ticket.number.display })

            // The server ends the listening session: it reconnects and the board hears of it.
            let listener = try #require(signal as? PostgresWakeups)
            let pid = try #require(listener.statistics.backendPID)
            let before = board.reconnects
            try await PostgresCentralAdmin.execute(url, sql: "SELECT pg_terminate_backend(\(pid))")
            #expect(await board.wake { $0.reconnects > before && listener.statistics.listening })
            #expect(listener.statistics.backendPID != pid)

            let second = try #require(try await caller.claim(ClaimRequest(counter: 2, operatorID: "prova")))
            #expect(await board.wake { $0.state.live.calls.first?.number == second.ticket.number.display })
            #expect(board.state.live.connection == .live)

            await wakeups.stop()
            #expect(await eventually { !listener.statistics.listening })
            await callerLink.shutdown()
            await boardLink.shutdown()
        }
    }
}

/// The PostgreSQL server of the tests (`SPORTELLO_TEST_PG`), when there is one.
enum BoardTestServer {
    static let url = ProcessInfo.processInfo.environment["SPORTELLO_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
}
