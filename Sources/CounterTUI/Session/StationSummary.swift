/// What the screens show about the station itself: office, counter, idle lock. Read once at
/// start from the station's configuration.
public struct StationSummary: Hashable, Sendable {
    /// The office's name ("Comune di Piacenza · Sportello Facile").
    public var officeName: String
    public var stationID: String
    /// The counter number for counter stations, nil for the others.
    public var counter: Int?
    /// Minutes without keys before the screen locks.
    public var idleLockMinutes: Int

    public init(officeName: String, stationID: String, counter: Int?, idleLockMinutes: Int) {
        self.officeName = officeName
        self.stationID = stationID
        self.counter = counter
        self.idleLockMinutes = idleLockMinutes
    }

    /// "Sportello 3", or the station id for stations without a counter.
    public var placeText: String {
        if let counter { return "Sportello \(counter)" }
        return stationID
    }
}
