import LocalStore

/// Boards on a PostgreSQL central database re-read the queue when LISTEN/NOTIFY (or its poll
/// fallback) says so.
extension PostgresWakeups: QueueChangeSignal {}
