import LocalStore

/// Boards and counters on a PostgreSQL central database re-read the queue when LISTEN/NOTIFY
/// (or its poll fallback) says so; `waitForChange(upTo:)` is its own, and each successful
/// LISTEN counts as a session (a reconnect: the station catches up).
extension PostgresWakeups: QueueChangeSignal {
    public var listenSessions: Int { statistics.connects }
}
