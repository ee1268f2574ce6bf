import Foundation
import Testing

/// The restart script of the test cluster (`SPORTELLO_TEST_PG_RESTART`), for the fault suites.
enum PostgresTestRestart {
    static let script = ProcessInfo.processInfo.environment["SPORTELLO_TEST_PG_RESTART"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { script != nil && PostgresTestDatabase.isAvailable }

    /// Runs `restart` (or `stop`, `start`) and waits for it (at most two minutes).
    /// The child is reaped with `waitpid` here: once postgres-nio's threads exist, Foundation's
    /// `Process` may never see the child's SIGCHLD and `waitUntilExit()` would never return.
    static func run(_ action: String = "restart") async throws {
        guard let script else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [action]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        var status: Int32 = 0
        for _ in 0..<6_000 {
            if waitpid(pid, &status, WNOHANG) == pid {
                #expect(status == 0, "\(script) \(action): status \(status)")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(pid, SIGKILL)
        Issue.record("\(script) \(action) did not finish")
    }
}
