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

    enum CodingKeys: String, CodingKey {
        case outbox, conflicts
        case openDeadLetters = "open_dead_letters"
        case pulledPosition = "pulled_position"
        case lastPushAt = "last_push_at"
        case lastPullAt = "last_pull_at"
        case lastSuccessAt = "last_success_at"
        case lastError = "last_error"
    }
}
