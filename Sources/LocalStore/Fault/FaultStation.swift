import CruscottoModel
import Foundation
import GRDB

/// One counter station of a fault run: its folder, its store and link (opened again after a
/// crash), its own fault points and clock, the ticket it is serving, and every outbox event id
/// it ever wrote.
final class FaultStation {
    let id: String
    let counter: Int
    let home: StationHome
    let clock: OffsetClock
    let faults = FaultPoints()
    private(set) var station: Station
    private(set) var queue: PostgresStationQueue
    var serving: QueueClaim?
    /// Every outbox event id written at this station.
    private(set) var written: Set<String> = []
    /// The events as they went on the wire, by id (for the duplicated deliveries).
    private(set) var sent: [String: SyncWireEvent] = [:]

    static let pushBatch = 7
    static let pullPage = 9

    init(id: String, counter: Int, home: StationHome, clock: OffsetClock) throws {
        self.id = id
        self.counter = counter
        self.home = home
        self.clock = clock
        station = try Station.open(home: home, clock: clock)
        queue = try Self.queue(of: station, clock: clock)
    }

    private static func queue(of station: Station, clock: OffsetClock) throws -> PostgresStationQueue {
        guard let link = station.postgres else { throw StoreError.invalid("la postazione \(station.config.stationID) non usa PostgreSQL") }
        return PostgresStationQueue(link: link, clock: clock)
    }

    var store: AppDatabase { station.store }
    var context: AccessContext { station.accessContext(operator: "op-\(counter)", purpose: .service) }

    /// Notes the outbox after a local write (an event leaves it only once acknowledged, so
    /// every id ever written is seen here first).
    func noteOutbox() throws {
        let ids = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM outbox") }
        written.formUnion(ids)
    }

    /// One exchange with this station's fault points and small batches and pages (many
    /// batches and pages per exchange, so that a fault point lands between them).
    func sync() async throws -> SyncReport {
        try noteOutbox()
        for event in try store.syncOutboxBatch(limit: 10_000) where sent[event.id] == nil { sent[event.id] = event }
        guard let link = station.postgres else { throw StoreError.invalid("nessun collegamento") }
        let connection = try await link.connected()
        let engine = SyncEngine(store: store, central: PostgresSyncCentral(central: connection, clock: clock), station: id,
                                pushBatch: Self.pushBatch, pullPage: Self.pullPage, faults: faults)
        do {
            return try await PostgresDeadline.within(30) { try await engine.once() }
        } catch is PostgresDeadline.Expired {
            await link.failed(.unreachable(host: link.url.host, port: link.url.port, reason: "nessuna risposta entro 30 secondi"))
            throw SyncError.unreachable("nessuna risposta entro 30 secondi")
        }
    }

    /// The station stops and is opened again from its folder: what was not committed is gone.
    func close() {
        station.close()
        serving = nil
    }

    func reopen() throws {
        station = try Station.open(home: home, clock: clock)
        queue = try Self.queue(of: station, clock: clock)
    }
}
