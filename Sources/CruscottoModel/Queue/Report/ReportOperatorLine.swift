/// One operator: tickets served, time serving, mean service time.
public struct ReportOperatorLine: Hashable, Codable, Sendable {
    public var operatorID: String
    public var serviceTickets: Int
    public var serviceMinutes: Double
    public var serviceMeanMinutes: Double?
}
