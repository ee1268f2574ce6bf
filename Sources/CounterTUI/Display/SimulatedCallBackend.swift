import CruscottoModel
import Foundation

/// A central queue that makes up a steady stream of calls for the display soak: every
/// `issue` is followed by its call at a counter and its close, and only the latest changes
/// are kept, so whatever memory grows during a soak is the board's, not this backend's.
/// `changes(after:)` answers as a real change log does (positions increase without gaps).
public actor SimulatedCallBackend: QueueBackend {
    public static let keptChanges = 64

    private let config: QueueConfiguration
    private let clock: any StationClock
    private var recent: [QueueChange] = []
    private var lastPosition: Int64 = 0
    private var lastID: Int64 = 0
    private var seqByPrefix: [String: Int] = [:]
    private var waiting: [String: Int] = [:]

    public init(configuration: QueueConfiguration, clock: any StationClock) {
        self.config = configuration
        self.clock = clock
    }

    /// Issues a ticket for the service at `index` (round robin over the services), calls it
    /// at `counter` and closes it after `serviceSeconds`; returns the number called.
    @discardableResult
    public func simulateCall(serviceIndex: Int, counter: Int, serviceSeconds: TimeInterval) -> String {
        let now = clock.now()
        let service = config.services[serviceIndex % config.services.count]
        lastID += 1
        let seq = (seqByPrefix[service.prefix] ?? 0) + 1
        seqByPrefix[service.prefix] = seq
        var ticket = Ticket(id: lastID, serviceCode: service.code, number: TicketNumber(prefix: service.prefix, seq: seq),
                            arrival: now.addingTimeInterval(-300))
        ticket.estimatedWaitMinutes = 5
        ticket.peopleAheadAtIssue = 1
        append(kind: "issue", at: ticket.arrival, ticket: ticket)
        ticket.state = .called
        ticket.counter = counter
        ticket.firstCalledAt = now
        ticket.history.append(TicketEvent(kind: "call", at: now, from: .waiting, to: .called, counter: counter, operatorID: nil, detail: nil))
        append(kind: "call", at: now, ticket: ticket)
        ticket.state = .serving
        ticket.history.append(TicketEvent(kind: "start_service", at: now, from: .called, to: .serving, counter: counter, operatorID: nil, detail: nil))
        append(kind: "start_service", at: now, ticket: ticket)
        let end = now.addingTimeInterval(serviceSeconds)
        ticket.state = .done
        ticket.outcome = OutcomeCode.servito.code
        ticket.history.append(TicketEvent(kind: "close", at: end, from: .serving, to: .done, counter: counter, operatorID: nil, detail: nil))
        append(kind: "close", at: end, ticket: ticket)
        waiting[service.code] = (seq * 7) % 11
        return ticket.number.display
    }

    private func append(kind: String, at: Date, ticket: Ticket) {
        lastPosition += 1
        recent.append(QueueChange(position: lastPosition, kind: kind, at: at, ticket: ticket))
        if recent.count > Self.keptChanges { recent.removeFirst(recent.count - Self.keptChanges) }
    }

    public func configuration() -> QueueConfiguration { config }

    public func issue(_ request: IssueRequest) throws -> Ticket {
        throw QueueBackendError.unavailable(reason: "coda simulata: solo chiamate")
    }

    public func claim(_ request: ClaimRequest) throws -> QueueClaim? { nil }

    public func transition(_ request: TransitionRequest) throws -> Ticket {
        throw QueueBackendError.unknownTicket(id: request.ticketID)
    }

    public func changes(after position: Int64, limit: Int) -> QueueChangePage {
        let page = Array(recent.filter { $0.position > position }.prefix(max(1, limit)))
        return QueueChangePage(changes: page, lastPosition: page.last?.position ?? max(position, recent.first.map { $0.position - 1 } ?? position),
                               hasMore: (page.last?.position ?? lastPosition) < lastPosition)
    }

    public func status() -> QueueStatus {
        let now = clock.now()
        return QueueStatus(
            at: now, day: LocalDay(containing: now), officeOpen: true,
            services: config.services.map {
                QueueStatus.ServiceLine(serviceCode: $0.code, name: $0.name, prefix: $0.prefix, isOpen: $0.isOpen(at: now),
                                        waiting: waiting[$0.code] ?? 0, priorityWaiting: 0,
                                        longestWaitMinutes: nil, longestWaitNumber: nil)
            },
            counters: config.counters.map {
                QueueStatus.CounterLine(number: $0.number, label: $0.label, operatorID: "op\($0.number)", activity: .busy,
                                        pauseReason: nil, since: now, ticketNumber: nil, ticketState: nil, directedWaiting: 0)
            })
    }

    public func ticket(number: TicketNumber) throws -> Ticket {
        throw QueueBackendError.unknownTicketNumber(number: number.display, day: LocalDay(containing: clock.now()))
    }

    public func openOffice() {}
    public func closeOffice(operatorID: String?) -> EndOfDayReport {
        EndOfDayReport(day: LocalDay(containing: clock.now()), closedAt: clock.now(), closedByService: [:], stillAtCounters: [])
    }
    public func signIn(counter: Int, operatorID: String) {}
    public func signOut(counter: Int) {}
    public func pause(counter: Int, reason: PauseReason) {}
    public func resume(counter: Int) {}
}
