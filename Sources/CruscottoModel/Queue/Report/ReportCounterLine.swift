/// One counter: tickets served, mean service time, staffed, idle and paused time.
public struct ReportCounterLine: Hashable, Codable, Sendable {
    public var counter: Int
    public var label: String?
    public var serviceTickets: Int
    public var serviceMinutes: Double
    public var serviceMeanMinutes: Double?
    public var staffedMinutes: Double
    public var idleMinutes: Double
    public var pauses: Int
    public var pauseMinutes: Double
    /// Paused minutes per reason (Italian text of the reason).
    public var pauseMinutesByReason: [String: Double]
}
