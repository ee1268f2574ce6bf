/// The central side's answer for one event.
public struct SyncAck: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// Applied now.
        case applied
        /// Already applied before (a retry after a lost acknowledgement).
        case duplicate
        /// Not applied: `reason` says why (goes to the station's dead letters).
        case refused
    }

    public var id: String
    public var outcome: Outcome
    public var reason: String?
    /// Set when the event was applied over another station's change the local edit had not
    /// seen: that station, and the central row it replaced (JSON).
    public var conflictStation: String?
    public var conflictData: String?

    public init(id: String, outcome: Outcome, reason: String? = nil, conflictStation: String? = nil, conflictData: String? = nil) {
        self.id = id
        self.outcome = outcome
        self.reason = reason
        self.conflictStation = conflictStation
        self.conflictData = conflictData
    }

    enum CodingKeys: String, CodingKey {
        case id, outcome, reason
        case conflictStation = "conflict_station"
        case conflictData = "conflict_data"
    }
}
