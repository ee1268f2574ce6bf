/// One registry row of a snapshot: the contact as the central side holds it now.
public struct SyncSnapshotRow: Sendable, Equatable, Codable {
    public var id: String
    /// The contact as JSON (the `Contact` of `contact.created`).
    public var doc: String
    public var mergedInto: String?
    public var version: Int64
    public var originStation: String
    public var originEvent: String

    public init(id: String, doc: String, mergedInto: String?, version: Int64, originStation: String, originEvent: String) {
        self.id = id
        self.doc = doc
        self.mergedInto = mergedInto
        self.version = version
        self.originStation = originStation
        self.originEvent = originEvent
    }

    /// The row as a change (the payload version of the registry's rows), so that the
    /// station applies it by the pull's rules.
    func change(at position: Int64) -> SyncChange {
        SyncChange(position: position, table: "contact", rowID: id, version: version, originStation: originStation,
                   originEvent: originEvent, payloadVersion: SyncVersions.changePayloadVersion, data: doc, mergedInto: mergedInto)
    }

    enum CodingKeys: String, CodingKey {
        case id, doc, version
        case mergedInto = "merged_into"
        case originStation = "origin_station"
        case originEvent = "origin_event"
    }
}
