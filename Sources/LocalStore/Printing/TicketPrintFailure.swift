/// A ticket that could not be printed, in Italian (shown to the staff and logged).
public struct TicketPrintFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
