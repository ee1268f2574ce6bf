import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// LISTEN/NOTIFY wake-ups on a dedicated connection that reconnects by itself.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresWakeupsTests {
    /// Only notifications (and reconnects) can wake these in a test's lifetime.
    static let quiet: PostgresWakeups.Timing = {
        var timing = PostgresWakeups.Timing()
        timing.pollInterval = .seconds(600)
        timing.firstBackoff = .milliseconds(50)
        timing.maximumBackoff = .milliseconds(400)
        return timing
    }()

    @Test func aChangeMadeThroughAnotherConnectionWakesIt() async throws {
        try await PostgresTestDatabase.with(suite: "wakeups") { handle in
            let central = try await PostgresCentral.connect(handle.url)
            defer { central.shutdown() }
            try await PostgresQueueBackend.replaceConfiguration(ContractFixture.configuration(), in: central)
            let backend = try await PostgresQueueBackend.open(
                central: central, clock: ContractClock(ContractFixture.rome("2026-11-30 09:00")))
            let wakeups = PostgresWakeups(url: handle.url, timing: Self.quiet)
            try await Self.waitUntilListening(wakeups)
            #expect(wakeups.hasChanged())  // the first connect asks for a pull
            #expect(!wakeups.hasChanged())

            let issued = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            #expect(await wakeups.waitForChange(upTo: .seconds(20)))
            #expect(wakeups.statistics.notifications >= 1)
            let page = try await backend.changes(after: 0, limit: 10)
            #expect(page.changes.map(\.ticket.id) == [issued.id])

            // A bare NOTIFY on the channel from an unrelated session wakes it too.
            try await PostgresTestDatabase.exec(handle.url, "SELECT pg_notify('sportello_queue', 'x')")
            #expect(await wakeups.waitForChange(upTo: .seconds(20)))
            #expect(wakeups.statistics.notifications >= 2)
            await wakeups.stop()
        }
    }

    @Test func itReconnectsAfterItsConnectionIsTerminatedAndAsksForAPull() async throws {
        try await PostgresTestDatabase.with(suite: "wakeupkill") { handle in
            let wakeups = PostgresWakeups(url: handle.url, timing: Self.quiet)
            try await Self.waitUntilListening(wakeups)
            let first = try #require(wakeups.statistics.backendPID)
            _ = wakeups.hasChanged()

            try await PostgresTestDatabase.exec(handle.url, "SELECT pg_terminate_backend(\(first))")
            try await Self.waitUntil(wakeups) { $0.listening && $0.connects >= 2 }
            #expect(wakeups.hasChanged())  // the reconnect asks for a pull
            let statistics = wakeups.statistics
            #expect(statistics.failures >= 1)
            #expect(statistics.backendPID != first)

            // And it listens again.
            _ = wakeups.hasChanged()
            try await PostgresTestDatabase.exec(handle.url, "SELECT pg_notify('sportello_queue', 'after')")
            #expect(await wakeups.waitForChange(upTo: .seconds(20)))
            #expect(wakeups.statistics.notifications >= 1)
            await wakeups.stop()
        }
    }

    @Test func stoppingClosesTheListeningConnection() async throws {
        try await PostgresTestDatabase.with(suite: "wakeupstop") { handle in
            let wakeups = PostgresWakeups(url: handle.url, timing: Self.quiet)
            try await Self.waitUntilListening(wakeups)
            let pid = try #require(wakeups.statistics.backendPID)
            await wakeups.stop()
            #expect(!wakeups.statistics.listening)
            // The server sees the session end (the close is sent; its exit follows shortly).
            let central = try await PostgresCentral.connect(handle.url, maximumConnections: 1)
            defer { central.shutdown() }
            var alive = "1"
            for _ in 0..<100 where alive != "0" {
                alive = try await central.text("SELECT count(*)::text FROM pg_stat_activity WHERE pid = \(pid)") ?? "0"
                if alive != "0" { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(alive == "0")
            // A stopped signal never blocks a reader.
            #expect(await wakeups.waitForChange(upTo: .seconds(60)))
        }
    }

    @Test func anUnreachableServerFallsBackToPolling() async throws {
        // A port nobody listens on: the kernel gives a free one.
        let url = try PostgresCentralURL(parsing: "postgresql://nobody:x@127.0.0.1:\(try Self.freePort())/none?sslmode=disable")
        var timing = Self.quiet
        timing.downPollInterval = .milliseconds(50)
        let wakeups = PostgresWakeups(url: url, timing: timing)
        try await Self.waitUntil(wakeups) { $0.failures >= 2 }
        #expect(!wakeups.statistics.listening)
        #expect(wakeups.hasChanged())
        #expect(wakeups.hasChanged())  // every question while down
        #expect(await wakeups.waitForChange(upTo: .seconds(60)))
        #expect(wakeups.statistics.lastError?.contains("non raggiungibile") == true)
        await wakeups.stop()
    }

    // MARK: - Helpers

    static func waitUntilListening(_ wakeups: PostgresWakeups) async throws {
        try await waitUntil(wakeups) { $0.listening }
    }

    /// Waits (at most about a minute) for the loop to reach a state; fails the test otherwise.
    static func waitUntil(_ wakeups: PostgresWakeups, _ condition: (PostgresWakeups.Statistics) -> Bool) async throws {
        for _ in 0..<600 {
            if condition(wakeups.statistics) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("state not reached: \(wakeups.statistics)")
        throw CancellationError()
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CancellationError() }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CancellationError() }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
