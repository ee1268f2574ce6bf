import Foundation

/// Waits for a child process started with `Process` by polling `waitpid` itself.
///
/// Once postgres-nio's event-loop threads exist, Foundation's `Process` on Linux may never see
/// its child's SIGCHLD (another thread, not blocking the signal, takes it), so `isRunning` stays
/// true and `waitUntilExit()` never returns while the child sits as a zombie. Reaping it here
/// does not depend on the signal.
enum ChildProcessExit {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Still running at the deadline: it was killed.
        case timedOut
    }

    static func wait(for process: Process, timeout: Duration) async -> Outcome {
        let pid = process.processIdentifier
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (macros are not imported).
                let low = status & 0x7f
                return low == 0 ? .exited((status >> 8) & 0xff) : .signalled(low)
            }
            if reaped < 0 && errno != EINTR {
                // Reaped by someone else (Foundation saw it after all): ask Foundation.
                if !process.isRunning {
                    return process.terminationReason == .exit ? .exited(process.terminationStatus)
                        : .signalled(process.terminationStatus)
                }
            }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGTERM)
                try? await Task.sleep(for: .milliseconds(500))
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
