/// One service in the report: its tickets, waits, time at the counter and estimate error.
public struct ReportServiceLine: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var issued: Int
    public var served: Int
    public var noShows: Int
    public var waits: WaitStatistics
    /// Tickets served (a ticket served at two counters counts at each).
    public var serviceTickets: Int
    public var serviceMeanMinutes: Double?
    /// Nil when no ticket of the service carries an estimate.
    public var estimate: ReportEstimate?
}
