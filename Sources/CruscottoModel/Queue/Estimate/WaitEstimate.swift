/// An estimate as citizens read it: people ahead and minutes to wait.
public struct WaitEstimate: Hashable, Codable, Sendable {
    public var peopleAhead: Int
    public var minutes: Int

    enum CodingKeys: String, CodingKey {
        case peopleAhead = "people_ahead"
        case minutes
    }

    public init(peopleAhead: Int, minutes: Int) {
        self.peopleAhead = peopleAhead
        self.minutes = minutes
    }

    /// The estimate kept with a ticket at issue, nil when the backend gave none.
    public init?(ticket: Ticket) {
        guard let ahead = ticket.peopleAheadAtIssue, let minutes = ticket.estimatedWaitMinutes else { return nil }
        self.init(peopleAhead: ahead, minutes: minutes)
    }

    /// "subito", "circa 1 minuto", "circa 12 minuti".
    public var italianText: String {
        if minutes <= 0 { return "subito" }
        return minutes == 1 ? "circa 1 minuto" : "circa \(minutes) minuti"
    }

    /// "subito", "circa 12 min" (menus and boards).
    public var shortItalianText: String {
        minutes <= 0 ? "subito" : "circa \(minutes) min"
    }
}
