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

extension Ticket {
    /// The counter number the central side gives, as target counter and (when held) as
    /// counter, to an offline ticket still open at its station: no real counter has it, so no
    /// claim ever selects the ticket (docs/QUEUE.md, "Offline").
    public static let stationReservedCounter = -1

    /// An offline ticket as the central side keeps it while its station still has it.
    public var isReservedAtStation: Bool { targetCounter == Self.stationReservedCounter }
}
