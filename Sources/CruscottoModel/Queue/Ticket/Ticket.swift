import Foundation

/// A queue ticket and everything that happened to it.
public struct Ticket: Hashable, Codable, Sendable, Identifiable {
    /// Set by the central side; unique in the office.
    public var id: Int64
    /// The service the ticket waits for now (changes on transfer; the number does not).
    public var serviceCode: String
    /// The service the ticket was issued for (its first call is always there).
    public var issuedServiceCode: String
    public var number: TicketNumber
    /// Europe/Rome office day of the arrival: with the number, what a citizen's ticket means.
    public var day: LocalDay
    /// Priority category code, nil for an ordinary ticket.
    public var priority: String?
    /// When the citizen took the ticket; kept across transfers, it orders the queue.
    public var arrival: Date
    /// Wait estimate given at issue (minutes), for later comparison with the real wait.
    public var estimatedWaitMinutes: Int?
    /// People ahead at issue.
    public var peopleAheadAtIssue: Int?
    public var contactID: String?
    /// Phone for the "your turn is near" message.
    public var phone: String?
    public var note: String?
    public var state: TicketState
    /// Since when the ticket is in its state.
    public var stateSince: Date
    /// The counter holding the ticket (called/serving) or the last one that did.
    public var counter: Int?
    public var operatorID: String?
    /// Set by a transfer to a counter: only that counter may call the ticket (cleared when it
    /// is called or ends; the history keeps where it was sent).
    public var targetCounter: Int?
    /// The latest token given to a counter for this ticket.
    public var token: FencingToken?
    public var recallCount: Int
    /// First time the ticket was called, for the wait metrics.
    public var firstCalledAt: Date?
    public var outcome: String?
    public var procedures: [String]
    public var history: [TicketEvent]

    /// A new waiting ticket, as issued by the central side.
    public init(
        id: Int64, serviceCode: String, number: TicketNumber, arrival: Date,
        priority: String? = nil, contactID: String? = nil, phone: String? = nil,
        note: String? = nil, issuedBy counter: Int? = nil, operatorID: String? = nil
    ) {
        self.id = id
        self.serviceCode = serviceCode
        self.issuedServiceCode = serviceCode
        self.number = number
        self.day = LocalDay(containing: arrival)
        self.priority = priority
        self.arrival = arrival
        self.contactID = contactID
        self.phone = phone
        self.note = note
        self.state = .waiting
        self.stateSince = arrival
        self.recallCount = 0
        self.procedures = []
        self.history = [
            TicketEvent(kind: "issue", at: arrival, from: nil, to: .waiting, counter: counter,
                        operatorID: operatorID, detail: priority),
        ]
    }

    public var isPriority: Bool { priority != nil }

    /// Minutes waited so far (or until the first call).
    public func waitedMinutes(at now: Date) -> Int {
        Int(((firstCalledAt ?? now).timeIntervalSince(arrival) / 60).rounded(.down))
    }
}
