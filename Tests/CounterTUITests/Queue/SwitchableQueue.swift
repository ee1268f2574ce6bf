import CruscottoModel
import Foundation
import Synchronization

/// A central queue that can be taken away and brought back: while unreachable every call
/// fails as a PostgreSQL station's would. Blocks are cut as the central sides cut them
/// (per prefix from 701, after the latest one); their SQL is tested in LocalStore.
final class SwitchableQueue: QueueBackend, OfflineBlockReserving {
    let inner: InMemoryQueueBackend
    private let state = Mutex<(reachable: Bool, ends: [String: Int])>((true, [:]))

    init(_ inner: InMemoryQueueBackend) { self.inner = inner }

    var reachable: Bool {
        get { state.withLock { $0.reachable } }
        set { state.withLock { $0.reachable = newValue } }
    }

    static let down = QueueBackendError.unavailable(reason: "database centrale non raggiungibile (db:5432): connessione rifiutata")

    private func check() throws {
        guard reachable else { throw Self.down }
    }

    func reserveOfflineBlock(station: String, prefix: String, policy: OfflineBlockPolicy) async throws -> OfflineTicketBlock {
        try check()
        let day = LocalDay(containing: await inner.status().at)
        let first = state.withLock { value in
            let first = max(OfflineBlockPolicy.base, (value.ends[prefix] ?? 0) + 1)
            value.ends[prefix] = first + policy.size - 1
            return first
        }
        return OfflineTicketBlock(station: station, prefix: prefix, day: day, first: first, last: first + policy.size - 1)
    }

    func configuration() async throws -> QueueConfiguration { try check(); return await inner.configuration() }
    func issue(_ request: IssueRequest) async throws -> Ticket { try check(); return try await inner.issue(request) }
    func claim(_ request: ClaimRequest) async throws -> QueueClaim? { try check(); return try await inner.claim(request) }
    func transition(_ request: TransitionRequest) async throws -> Ticket { try check(); return try await inner.transition(request) }
    func changes(after position: Int64, limit: Int) async throws -> QueueChangePage {
        try check()
        return await inner.changes(after: position, limit: limit)
    }
    func status() async throws -> QueueStatus { try check(); return await inner.status() }
    func ticket(number: TicketNumber) async throws -> Ticket { try check(); return try await inner.ticket(number: number) }
    func openOffice() async throws { try check(); try await inner.openOffice() }
    func closeOffice(operatorID: String?) async throws -> EndOfDayReport {
        try check()
        return try await inner.closeOffice(operatorID: operatorID)
    }
    func signIn(counter: Int, operatorID: String) async throws { try check(); try await inner.signIn(counter: counter, operatorID: operatorID) }
    func signOut(counter: Int) async throws { try check(); try await inner.signOut(counter: counter) }
    func pause(counter: Int, reason: PauseReason) async throws { try check(); try await inner.pause(counter: counter, reason: reason) }
    func resume(counter: Int) async throws { try check(); try await inner.resume(counter: counter) }
}
