import CruscottoModel
import Foundation
import Synchronization

/// The queue of a station on PostgreSQL, opened on first use through the station's
/// `PostgresCentralLink`: a cruscotto, a totem or a display starts while the server is down
/// (the queue panel says why it is empty) and picks the queue up when the server is back.
/// A failure that leaves the connection in doubt (`QueueBackendError.unavailable`) drops the
/// backend, so the next call opens it again and reads the configuration afresh.
public final class PostgresStationQueue: QueueBackend, Sendable {
    public let link: PostgresCentralLink
    let clock: any Clock
    private let opened = Mutex<PostgresQueueBackend?>(nil)
    private let configurationVersion = Mutex<Substring?>(nil)

    public init(link: PostgresCentralLink, clock: any Clock) {
        self.link = link
        self.clock = clock
    }

    func backend() async throws(QueueBackendError) -> PostgresQueueBackend {
        if let backend = opened.withLock({ $0 }) { return backend }
        let central: PostgresCentral
        do { central = try await link.connected() } catch { throw .unavailable(reason: error.description) }
        let clock = clock
        let backend: PostgresQueueBackend
        do {
            backend = try await PostgresDeadline.within(PostgresDeadline.stationSeconds) {
                try await PostgresQueueBackend.open(central: central, clock: clock)
            }
        } catch let error as QueueBackendError {
            throw error
        } catch {
            let problem = PostgresCentralLink.problem(error, url: link.url)
            await link.failed(problem)
            throw .unavailable(reason: problem.description)
        }
        opened.withLock { $0 = backend }
        return backend
    }

    /// Drops the backend so the next call reads the configuration again (after a services
    /// import seen through the change signal, or a failure).
    public func reopen() {
        opened.withLock { $0 = nil }
    }

    /// The central side's change mark (`queue_change_mark`: last change position, office
    /// day version, configuration version), for a polling change signal. A new configuration
    /// version reopens the backend, so the next read uses the imported services.
    public func changeMark() async throws -> String {
        let day = LocalDay(containing: clock.now())
        let mark: String
        do {
            mark = try await link.run { central throws(PostgresCentralError) in try await central.queueChangeMark(day: day) }
        } catch {
            throw QueueBackendError.unavailable(reason: error.description)
        }
        let version = mark.split(separator: ":").last
        let moved = configurationVersion.withLock { known in
            defer { known = version }
            return known != nil && known != version
        }
        if moved { reopen() }
        return mark
    }

    /// Runs one queue operation for at most `PostgresDeadline.stationSeconds` (the pool would
    /// otherwise wait for a server that is gone); an unavailable answer drops the backend and
    /// the connection, so the next call opens them again.
    func using<T: Sendable>(_ body: @escaping @Sendable (PostgresQueueBackend) async throws -> T) async throws -> T {
        let backend = try await backend()
        do {
            return try await PostgresDeadline.within(PostgresDeadline.stationSeconds) { try await body(backend) }
        } catch is PostgresDeadline.Expired {
            let problem = PostgresCentralLink.problem(PostgresDeadline.Expired(), url: link.url)
            reopen()
            await link.failed(problem)
            throw QueueBackendError.unavailable(reason: problem.description)
        } catch QueueBackendError.unavailable(let reason) {
            reopen()
            await link.failed(.unreachable(host: link.url.host, port: link.url.port, reason: reason))
            throw QueueBackendError.unavailable(reason: reason)
        }
    }

    public func configuration() async throws -> QueueConfiguration { try await using { try await $0.configuration() } }
    public func issue(_ request: IssueRequest) async throws -> Ticket { try await using { try await $0.issue(request) } }
    public func claim(_ request: ClaimRequest) async throws -> QueueClaim? { try await using { try await $0.claim(request) } }
    public func transition(_ request: TransitionRequest) async throws -> Ticket {
        try await using { try await $0.transition(request) }
    }
    /// Forwarded so the counter's "chiudi e chiama" stays one transaction on the server (the
    /// protocol's default would be two separate calls).
    public func transitionAndClaim(_ transition: TransitionRequest, next: ClaimRequest) async throws -> QueueTransitionAndClaim {
        try await using { try await $0.transitionAndClaim(transition, next: next) }
    }
    public func changes(after position: Int64, limit: Int) async throws -> QueueChangePage {
        try await using { try await $0.changes(after: position, limit: limit) }
    }
    public func status() async throws -> QueueStatus { try await using { try await $0.status() } }
    public func ticket(number: TicketNumber) async throws -> Ticket { try await using { try await $0.ticket(number: number) } }
    public func openOffice() async throws { try await using { try await $0.openOffice() } }
    public func closeOffice(operatorID: String?) async throws -> EndOfDayReport {
        try await using { try await $0.closeOffice(operatorID: operatorID) }
    }
    public func signIn(counter: Int, operatorID: String) async throws {
        try await using { try await $0.signIn(counter: counter, operatorID: operatorID) }
    }
    public func signOut(counter: Int) async throws { try await using { try await $0.signOut(counter: counter) } }
    public func pause(counter: Int, reason: PauseReason) async throws {
        try await using { try await $0.pause(counter: counter, reason: reason) }
    }
    public func resume(counter: Int) async throws { try await using { try await $0.resume(counter: counter) } }
}
