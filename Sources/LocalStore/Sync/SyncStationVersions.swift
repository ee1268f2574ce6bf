/// Who calls the central side and which versions it speaks: checked on every exchange.
public struct SyncStationVersions: Sendable, Equatable {
    public var station: String
    /// The local store's schema version.
    public var storeSchema: Int
    /// The central schema version the station's program was built for.
    public var centralSchema: Int

    public init(station: String, storeSchema: Int, centralSchema: Int) {
        self.station = station
        self.storeSchema = storeSchema
        self.centralSchema = centralSchema
    }
}
