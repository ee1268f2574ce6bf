/// What a terminal reports to the app loop.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(TerminalSize)
    /// The process was asked to stop (SIGTERM, SIGHUP): the loop should end cleanly.
    case terminate
}
