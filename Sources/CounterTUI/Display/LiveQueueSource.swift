import CruscottoModel
import Foundation

/// The boards' connection to the central queue: asks the change signal, and only when it
/// says so (or every `refreshInterval`, or after an error) re-reads the status and the change
/// log after a position. After any error the backend and the signal are dropped and opened
/// again on the next look, so a central file that was briefly unavailable (or a machine that
/// rebooted) is picked up again without restarting the board.
public actor LiveQueueSource {
    public typealias Opener = @Sendable () throws -> (backend: any QueueBackend, signal: any QueueChangeSignal)

    public static let batchLimit = 500
    /// A full re-read at least this often, whatever the signal says.
    public static let refreshInterval: TimeInterval = 30

    private let open: Opener
    private let clock: any StationClock
    private var backend: (any QueueBackend)?
    private var signal: (any QueueChangeSignal)?
    private var lastRead: Date?

    public init(clock: any StationClock, open: @escaping Opener) {
        self.clock = clock
        self.open = open
    }

    /// A source on an already open backend (tests, in-memory queues).
    public init(backend: any QueueBackend, signal: any QueueChangeSignal = AlwaysChangedSignal(), clock: any StationClock) {
        self.init(clock: clock) { (backend, signal) }
    }

    public func poll(after position: Int64, force: Bool = false) async -> LiveQueuePoll {
        let now = clock.now()
        do {
            if backend == nil || signal == nil {
                let opened = try open()
                (backend, signal) = (opened.backend, opened.signal)
                lastRead = nil
            }
            guard let backend, let signal else { return .failed(at: now, reason: "centrale non aperta") }
            let changed = try await signal.hasChanged()
            let due = lastRead.map { now.timeIntervalSince($0) >= Self.refreshInterval || $0 > now } ?? true
            guard changed || force || due else { return .unchanged(at: now) }
            let configuration = try await backend.configuration()
            let page = try await backend.changes(after: position, limit: Self.batchLimit)
            let status = try await backend.status()
            lastRead = now
            return .changed(at: now, configuration: configuration, status: status, changes: page.changes,
                            lastPosition: page.lastPosition, hasMore: page.hasMore)
        } catch {
            backend = nil
            signal = nil
            return .failed(at: now, reason: String(describing: error))
        }
    }

    /// Issues a ticket through the same backend (the totem).
    public func issue(_ request: IssueRequest) async throws -> Ticket {
        if backend == nil || signal == nil {
            let opened = try open()
            (backend, signal) = (opened.backend, opened.signal)
        }
        guard let backend else { throw QueueBackendError.unavailable(reason: "centrale non aperta") }
        do {
            return try await backend.issue(request)
        } catch let error as QueueBackendError {
            if case .unavailable = error { self.backend = nil; self.signal = nil }
            throw error
        } catch {
            self.backend = nil
            self.signal = nil
            throw QueueBackendError.unavailable(reason: String(describing: error))
        }
    }
}
