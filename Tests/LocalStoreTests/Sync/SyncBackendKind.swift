import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The central backends the sync contract suite runs on: the embedded central file always,
/// PostgreSQL when `SPORTELLO_TEST_PG` is set (its own database and role prefix per test).
enum SyncBackendKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var available: [SyncBackendKind] {
        allCases.filter { $0 == .sqlite || PostgresTestDatabase.isAvailable }
    }

    /// Runs `body` with a fresh, empty central side of this kind.
    func with<T: Sendable>(suite: String, clock: any Clock, _ body: (any SyncCentral) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = try TemporaryDirectory()
            let central = try CentralDatabase.create(at: directory.file("central.sqlite"), officeName: "Comune di Prova", clock: clock)
            defer { try? central.close() }
            return try await body(SQLiteSyncCentral(central: central))
        case .postgres:
            return try await PostgresTestDatabase.with(suite: suite) { handle in
                let central = try await PostgresCentral.connect(handle.url)
                defer { central.shutdown() }
                return try await body(PostgresSyncCentral(central: central, clock: clock))
            }
        }
    }
}

/// A station for the sync scripts: an in-memory store and its engine.
struct SyncTestStation {
    let id: String
    let store: AppDatabase
    let engine: SyncEngine

    init(_ id: String, central: any SyncCentral, clock: any Clock, pushBatch: Int = 200, pullPage: Int = 500) throws {
        self.id = id
        store = try AppDatabase.inMemory(clock: clock)
        engine = SyncEngine(store: store, central: central, station: id, pushBatch: pushBatch, pullPage: pullPage)
    }

    var context: AccessContext { AccessContext(operatorUsername: "op-\(id)", stationID: id, purpose: .service) }

    @discardableResult
    func create(_ surname: String, _ name: String, born: String) throws -> Contact {
        try store.createContact(contactForm(surname, name, born: born), context: context)
    }

    func contact(_ id: ContactID) throws -> StoredContact { try store.contact(id.rawValue, context: context) }

    var versions: SyncStationVersions { get throws { try engine.versions() } }
}
