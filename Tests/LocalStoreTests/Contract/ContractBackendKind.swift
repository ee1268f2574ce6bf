import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The backends the contract suite runs on. The reference (`InMemoryQueueBackend`) is run
/// beside each of them; PostgreSQL only when `SPORTELLO_TEST_PG` is set.
enum ContractBackendKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case postgres

    var testDescription: String { rawValue }

    static var available: [ContractBackendKind] {
        allCases.filter { kind in
            switch kind {
            case .postgres: PostgresTestDatabase.isAvailable
            }
        }
    }

    /// Runs `body` with a fresh backend of this kind configured with `configuration`.
    func with<T: Sendable>(
        suite: String, configuration: QueueConfiguration, clock: ContractClock,
        _ body: (any QueueBackend, @escaping @Sendable () async throws -> any QueueBackend) async throws -> T
    ) async throws -> T {
        switch self {
        case .postgres:
            return try await PostgresTestDatabase.with(suite: suite) { handle in
                let central = try await PostgresCentral.connect(handle.url)
                defer { central.shutdown() }
                try await PostgresQueueBackend.replaceConfiguration(configuration, in: central)
                let backend = try await PostgresQueueBackend.open(central: central, clock: clock)
                let reopen: @Sendable () async throws -> any QueueBackend = {
                    let again = try await PostgresCentral.connect(handle.url)
                    return try await PostgresQueueBackend.open(central: again, clock: clock)
                }
                return try await body(backend, reopen)
            }
        }
    }
}
