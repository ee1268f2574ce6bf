import Foundation

/// The queue panel's picture at an instant: waiting per service, the counters' state.
public struct QueueStatus: Hashable, Codable, Sendable {
    public struct ServiceLine: Hashable, Codable, Sendable {
        public var serviceCode: String
        public var name: String
        public var prefix: String
        public var isOpen: Bool
        /// Waiting, parked or transferred to the service (not to a counter).
        public var waiting: Int
        public var priorityWaiting: Int
        /// Longest current wait in minutes and whose, nil when nobody waits.
        public var longestWaitMinutes: Int?
        public var longestWaitNumber: String?

        public init(
            serviceCode: String, name: String, prefix: String, isOpen: Bool, waiting: Int,
            priorityWaiting: Int, longestWaitMinutes: Int?, longestWaitNumber: String?
        ) {
            self.serviceCode = serviceCode
            self.name = name
            self.prefix = prefix
            self.isOpen = isOpen
            self.waiting = waiting
            self.priorityWaiting = priorityWaiting
            self.longestWaitMinutes = longestWaitMinutes
            self.longestWaitNumber = longestWaitNumber
        }
    }

    public struct CounterLine: Hashable, Codable, Sendable {
        public enum Activity: String, Hashable, Codable, Sendable {
            case closed, idle, busy, paused
        }

        public var number: Int
        public var label: String?
        public var operatorID: String?
        public var activity: Activity
        public var pauseReason: String?
        public var since: Date?
        /// The ticket called or served there.
        public var ticketNumber: String?
        public var ticketState: TicketState?
        /// Tickets transferred to this counter and waiting for it.
        public var directedWaiting: Int

        public init(
            number: Int, label: String?, operatorID: String?, activity: Activity,
            pauseReason: String?, since: Date?, ticketNumber: String?, ticketState: TicketState?,
            directedWaiting: Int
        ) {
            self.number = number
            self.label = label
            self.operatorID = operatorID
            self.activity = activity
            self.pauseReason = pauseReason
            self.since = since
            self.ticketNumber = ticketNumber
            self.ticketState = ticketState
            self.directedWaiting = directedWaiting
        }
    }

    public var at: Date
    public var day: LocalDay
    public var officeOpen: Bool
    public var services: [ServiceLine]
    public var counters: [CounterLine]

    public init(at: Date, day: LocalDay, officeOpen: Bool, services: [ServiceLine], counters: [CounterLine]) {
        self.at = at
        self.day = day
        self.officeOpen = officeOpen
        self.services = services
        self.counters = counters
    }

    public var totalWaiting: Int { services.reduce(0) { $0 + $1.waiting } }
}
