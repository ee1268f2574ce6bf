import Foundation

/// What the simulation knows of one ticket: it saw every answer and chose every action.
struct SimulatedTicket {
    var id: Int64
    var issuedService: String
    var service: String
    var isPriority: Bool
    var arrival: Date
    var estimateMinutes: Int?
    var firstCall: Date?
    var state: TicketState = .waiting
    var outcome: String?
    /// Seconds serving per (counter, operator) under the ticket's final service.
    var serving: [Int: (operatorID: String?, seconds: Int)] = [:]
}
