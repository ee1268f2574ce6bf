/// Session events the screens record besides logins (the login check records those itself).
/// Lock periods are later read by the queue as pauses of the counter.
public enum SessionRecord: String, Hashable, Sendable, CaseIterable {
    case lock
    case unlock
    case logout
}
