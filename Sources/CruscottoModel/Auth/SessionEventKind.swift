/// What happened to an operator's session at a station. Lock periods are read later as
/// pauses of the counter.
public enum SessionEventKind: String, CaseIterable, Sendable, Codable {
    case login
    case logout
    case lock
    case unlock
    case loginFailed = "login_failed"
}
