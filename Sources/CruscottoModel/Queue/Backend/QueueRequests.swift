import Foundation

/// Issue a ticket (totem, accoglienza, `queue issue`).
public struct IssueRequest: Hashable, Codable, Sendable {
    public var serviceCode: String
    public var priority: String?
    public var contactID: String?
    /// Phone for the "your turn is near" message.
    public var phone: String?
    public var note: String?
    /// The counter (accoglienza) and operator issuing it; nil from the totem.
    public var counter: Int?
    public var operatorID: String?
    /// The issuer's live basis for the wait estimate (totem, accoglienza); the central side
    /// applies it to the people ahead it counts and keeps the result with the ticket. Nil:
    /// the backend's own estimate from the typical service minutes.
    public var estimateBasis: WaitEstimateBasis?

    public init(
        serviceCode: String, priority: String? = nil, contactID: String? = nil,
        phone: String? = nil, note: String? = nil, counter: Int? = nil, operatorID: String? = nil,
        estimateBasis: WaitEstimateBasis? = nil
    ) {
        self.serviceCode = serviceCode
        self.priority = priority
        self.contactID = contactID
        self.phone = phone
        self.note = note
        self.counter = counter
        self.operatorID = operatorID
        self.estimateBasis = estimateBasis
    }

    /// The estimated minutes kept with a ticket issued with `ahead` people before it: the
    /// request's basis when it has one, else typical minutes × people ahead ÷ counters whose
    /// profile lists the service (every backend calls this, so their answers match).
    public func estimatedWaitMinutes(peopleAhead ahead: Int, service: Service, configuration: QueueConfiguration) -> Int {
        if let estimateBasis { return estimateBasis.minutes(peopleAhead: ahead) }
        let servingCounters = configuration.counters.filter { counter in
            counter.profileCode.flatMap { configuration.profile($0) }?.rank(of: service.code) != nil
        }.count
        return ahead * service.typicalServiceMinutes / max(1, servingCounters)
    }
}

/// Claim a ticket for a counter: the next by the call rule, or a specific number of today.
public struct ClaimRequest: Hashable, Codable, Sendable {
    public enum Target: Hashable, Codable, Sendable {
        case next
        case specific(TicketNumber)
    }

    public var counter: Int
    public var operatorID: String?
    public var target: Target

    public init(counter: Int, operatorID: String? = nil, target: Target = .next) {
        self.counter = counter
        self.operatorID = operatorID
        self.target = target
    }
}

/// A transition of an existing ticket. `token` is required while the ticket is at a counter.
public struct TransitionRequest: Hashable, Codable, Sendable {
    public var ticketID: Int64
    public var token: FencingToken?
    public var action: TicketAction
    public var counter: Int?
    public var operatorID: String?

    public init(
        ticketID: Int64, token: FencingToken?, action: TicketAction, counter: Int?,
        operatorID: String? = nil
    ) {
        self.ticketID = ticketID
        self.token = token
        self.action = action
        self.counter = counter
        self.operatorID = operatorID
    }
}

/// A claimed ticket and the fencing token its later transitions need.
public struct QueueClaim: Hashable, Codable, Sendable {
    public var ticket: Ticket
    public var token: FencingToken

    public init(ticket: Ticket, token: FencingToken) {
        self.ticket = ticket
        self.token = token
    }
}
