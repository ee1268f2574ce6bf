/// What a fault run did and what it found after healing. A run passes when every violation
/// count is zero and the stations healed.
public struct FaultSummary: Sendable, Codable, Equatable {
    public var seed: UInt64 = 0
    public var stations = 0
    public var operations = 0
    /// Operations refused or unanswered while a fault was on (expected; the workload goes on).
    public var operationFailures = 0
    public var faults: [String: Int] = [:]
    /// Crashes that stopped the station at their fault point (a point not reached, e.g. with
    /// nothing to pull, is counted among the faults but not here).
    public var crashesReached = 0
    public var syncExchanges = 0
    public var syncFailures = 0
    public var healed = false
    public var healSeconds = 0.0

    public var eventsWritten = 0
    public var eventsApplied = 0
    /// Written at a station and neither applied centrally nor waiting anywhere.
    public var eventsLost = 0
    /// Refused by the central side (dead letters): none is expected in this workload.
    public var eventsRefused = 0
    /// Applied twice: duplicate ids in the applied set, or a re-delivery answered "applied".
    public var eventsDuplicated = 0
    public var redelivered = 0
    public var contacts = 0
    /// Station rows (or missing rows) that differ from the central registry.
    public var registryMismatches = 0
    /// Central contacts whose version is not the number of their changes.
    public var versionGaps = 0

    public var claims = 0
    /// Tickets a counter took back after a lost claim answer or a restart.
    public var resumedClaims = 0
    public var doubleClaims = 0
    public var tickets = 0
    /// Tickets the display shows in another state than the central database, or missing.
    public var displayMismatches = 0

    public init() {}

    public var violations: [String] {
        var found: [String] = []
        if !healed { found.append("le postazioni non si sono allineate") }
        if eventsLost > 0 { found.append("\(eventsLost) eventi persi") }
        if eventsRefused > 0 { found.append("\(eventsRefused) eventi rifiutati") }
        if eventsDuplicated > 0 { found.append("\(eventsDuplicated) eventi applicati due volte") }
        if registryMismatches > 0 { found.append("\(registryMismatches) contatti diversi dal registro centrale") }
        if versionGaps > 0 { found.append("\(versionGaps) contatti con versioni incoerenti") }
        if doubleClaims > 0 { found.append("\(doubleClaims) biglietti chiamati due volte") }
        if displayMismatches > 0 { found.append("\(displayMismatches) biglietti diversi sul tabellone") }
        return found
    }
}
