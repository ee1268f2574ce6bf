import Foundation

/// The ticket just issued, as the totem shows it.
public struct TotemTicket: Hashable, Sendable {
    public enum Printing: Hashable, Sendable {
        case screenOnly
        case printing
        case printed
        case failed(String)
    }

    public var number: String
    public var serviceName: String
    public var priorityName: String?
    public var peopleAhead: Int
    public var estimatedMinutes: Int?
    public var issuedAt: Date
    public var printing: Printing
}
