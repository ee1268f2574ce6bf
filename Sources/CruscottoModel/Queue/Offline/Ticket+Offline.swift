/// Tickets issued by a station from its offline block carry a local negative id (the
/// central side never gives one) and are printed with a dash, `A-701`, so that citizens and
/// operators tell them from the central queue's `A701`.
extension Ticket {
    public var isOffline: Bool { id < 0 }

    /// The number as shown and printed: `A042`, or `A-701` for an offline ticket.
    public var displayNumber: String { isOffline ? number.offlineDisplay : number.display }
}

extension TicketNumber {
    /// `A-701`: the form of a number issued from an offline block.
    public var offlineDisplay: String { prefix + "-" + String(seq).leftPadded(to: Self.minimumDigits) }
}
