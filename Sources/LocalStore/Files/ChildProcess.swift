import Foundation

/// Runs a helper program (pgbench, a server restart script, this program itself in the fault
/// suite) with a clean signal state, its output in a file, and a deadline; reaped with
/// `waitpid` here.
///
/// Foundation's `Process` is not used for this: a child spawned by it from this process inherits
/// the spawning thread's signal mask, where the event-loop and dispatch threads block signals
/// such as SIGALRM — pgbench's `-T` timer never fired and it ran forever — and its own exit
/// notification (SIGCHLD) may be taken by another thread, leaving `waitUntilExit()` waiting on a
/// zombie. `posix_spawn` with an empty signal mask and default dispositions avoids both.
public enum ChildProcess {
    public enum Outcome: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        /// Still running at the deadline: it was killed.
        case timedOut

        /// As a shell reports it: the exit code, 128 + the signal, or -1 after the deadline.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            case .timedOut: -1
            }
        }
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Starts `path` with `arguments` and `environment`, stdin from /dev/null and stdout and
    /// stderr into `outputPath`, and waits at most `timeout` (then SIGTERM, SIGKILL).
    public static func run(_ path: String, arguments: [String],
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           outputPath: String = "/dev/null", timeout: Duration = .seconds(120)) async throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnFailure(path: path, code: code) }

        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return outcome(status) }
            if reaped < 0 && errno != EINTR { return .exited(-1) }
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

    /// WIFEXITED / WEXITSTATUS / WTERMSIG spelled out (the C macros are not imported).
    private static func outcome(_ status: Int32) -> Outcome {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
