import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The backends the contract suite runs on: the embedded central file always, PostgreSQL when
/// `SPORTELLO_TEST_PG` is set. The reference (`InMemoryQueueBackend`) is run beside each.
enum ContractBackendKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var available: [ContractBackendKind] {
        allCases.filter { kind in
            switch kind {
            case .sqlite: true
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
        case .sqlite:
            let directory = try QueueTempDirectory()
            let backend = try await QueueFixture.backend(in: directory, config: configuration, clock: clock)
            let reopen: @Sendable () async throws -> any QueueBackend = {
                try CentralQueueFile.openBackend(path: directory.centralPath, clock: clock)
            }
            return try await body(backend, reopen)
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
