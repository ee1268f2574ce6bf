import Foundation

/// The one queue protocol. Both central backends (the embedded SQLite file shared by the office
/// host's processes, and PostgreSQL) implement it, and screens and commands use only it.
///
/// Every operation is atomic on the central side: it either happens whole (ticket row,
/// numbering, token, change-log entry) or not at all and throws `QueueBackendError`.
/// Numbers, ids, tokens and change positions are set by the central side; time comes from
/// the clock the backend was built with, never from the database's own `now()`.
/// `InMemoryQueueBackend` is the reference implementation the contract tests compare against.
public protocol QueueBackend: Sendable {
    /// The office's queue reference data (services, priorities, profiles, counters, rules).
    func configuration() async throws -> QueueConfiguration

    /// Issues a waiting ticket numbered per prefix and office day. Refuses unknown or closed
    /// services (with their hours) and unknown priority categories.
    func issue(_ request: IssueRequest) async throws -> Ticket

    /// Claims a ticket for a counter and returns it with a new fencing token; nil when the
    /// counter has nothing to call (only for `.next`). Two counters never get the same ticket.
    func claim(_ request: ClaimRequest) async throws -> QueueClaim?

    /// Applies a transition; while the ticket is at a counter the request must carry the
    /// current token, otherwise it is refused (`QueueRuleError.staleToken`).
    func transition(_ request: TransitionRequest) async throws -> Ticket

    /// A counter ends its ticket and calls its next in one operation ("chiudi e chiama il
    /// successivo"): applies `transition` (usually the close), then claims `next`, atomically.
    /// A refused transition or a refused claim (a counter still holding a ticket, a closed
    /// office day…) leaves everything as it was and throws that refusal; an empty line is not a
    /// refusal: the transition stays and the claim is nil. On the central backends this is one
    /// transaction (one round trip and one commit on PostgreSQL instead of two).
    func transitionAndClaim(_ transition: TransitionRequest, next: ClaimRequest) async throws -> QueueTransitionAndClaim

    /// Ticket changes committed after `position` (0 for all), oldest first.
    func changes(after position: Int64, limit: Int) async throws -> QueueChangePage

    /// The queue panel's picture now.
    func status() async throws -> QueueStatus

    /// A ticket of today by its number.
    func ticket(number: TicketNumber) async throws -> Ticket

    // MARK: Office day

    func openOffice() async throws
    /// Closes the office: waiting tickets are closed as "chiuso a fine giornata" and counted.
    func closeOffice(operatorID: String?) async throws -> EndOfDayReport
    func signIn(counter: Int, operatorID: String) async throws
    func signOut(counter: Int) async throws
    /// A pause with its reason (`.screenLocked` for the automatic pause of a locked screen).
    func pause(counter: Int, reason: PauseReason) async throws
    func resume(counter: Int) async throws
}
