/// The station's sync state (`sync status`).
public struct SyncStatus: Sendable, Equatable, Codable {
    public var outbox: Int
    public var openDeadLetters: Int
    public var conflicts: Int
    public var pulledPosition: Int64
    public var lastPushAt: String?
    public var lastPullAt: String?
    public var lastSuccessAt: String?
    public var lastError: String?
    /// The last reset from a snapshot: when, how many registry rows, the position it set.
    public var lastResetAt: String?
    public var lastResetRows: Int?
    public var lastResetPosition: Int64?
    /// True while a reset interrupted midway waits for the next exchange to finish it.
    public var resetInProgress = false

    enum CodingKeys: String, CodingKey {
        case outbox, conflicts
        case openDeadLetters = "open_dead_letters"
        case pulledPosition = "pulled_position"
        case lastPushAt = "last_push_at"
        case lastPullAt = "last_pull_at"
        case lastSuccessAt = "last_success_at"
        case lastError = "last_error"
        case lastResetAt = "last_reset_at"
        case lastResetRows = "last_reset_rows"
        case lastResetPosition = "last_reset_position"
        case resetInProgress = "reset_in_progress"
    }
}
