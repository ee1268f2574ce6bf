/// The versions both sides agree on. A change of an event's shape is a new payload version;
/// a side that does not know a version refuses it (dead letter) instead of guessing.
public enum SyncVersions {
    /// Event types the central side applies, with the newest payload version it reads.
    public static let centralPayloadVersions: [String: Int] = [
        "contact.created": 1, "contact.updated": 1, "contact.visited": 1, "contact.merged": 1,
        "contact.imported": 1, "contact.history": 1, "session.event": 1,
        "queue.offline_ticket": 1,
    ]
    /// The newest payload version of a change-log row the station reads.
    public static let changePayloadVersion = 1
    /// The oldest local store schema the central side serves (the one that has the sync tables).
    public static let minimumStoreSchema = 3
}
