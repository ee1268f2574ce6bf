import CruscottoModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LocalStore
import Testing
@testable import CounterTUI

/// The counter keeps serving when the central queue is gone: tickets from the station's
/// reserved numbers (A-701), called only here, each step in the station's outbox; back
/// online, its offline tickets are called before the central queue.
@Suite struct CounterOfflineQueueTests {
    /// Counter 3 of the default office on a switchable central queue, with its offline queue.
    static func make(columns: Int = 80, rows: Int = 24) throws -> (StationDriver, SwitchableQueue, OfflineTicketDesk) {
        var queue: SwitchableQueue?
        var desk: OfflineTicketDesk?
        let driver = try StationDriver(columns: columns, rows: rows, central: .online(checkedAt: StationDriver.start), queue: { clock in
            let made = SwitchableQueue(try InMemoryQueueBackend(configuration: DefaultQueueOffice.configuration, clock: clock))
            queue = made
            return made
        }, offline: { clock in
            let made = OfflineTicketDesk(store: try AppDatabase.inMemory(clock: clock), station: "sportello-3")
            desk = made
            return made
        })
        guard let queue, let desk else { throw QueueBackendError.unavailable(reason: "nessun backend") }
        return (driver, queue, desk)
    }

    static func outbox(_ desk: OfflineTicketDesk) throws -> [String] {
        try desk.store.pendingOutbox(limit: 100).filter { $0.type == "queue.offline_ticket" }.map { event in
            let object = try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any]
            return "\(object?["event"] as? String ?? "?") \(object?["number"] as? String ?? "?")"
        }
    }

    /// Online first (blocks reserved, configuration kept), then the central queue goes away.
    static func goOffline(_ driver: StationDriver, _ queue: SwitchableQueue) async {
        await driver.logIn()
        queue.reachable = false
        driver.service.central = .unreachable
        driver.service.syncReaches = false
        await driver.press(.function(5))
    }

    @Test func onlineTheStationReservesItsNumbers() async throws {
        let (driver, _, desk) = try Self.make()
        await driver.logIn()
        #expect(try desk.remaining() == ["A": 50, "C": 50, "E": 50, "S": 50, "T": 50, "U": 50])
        #expect(try desk.configuration() == DefaultQueueOffice.configuration)
        #expect(!driver.state.cruscotto.counterQueue.workingOffline)
    }

    @Test func offlineIssueCallAndClose() async throws {
        let (driver, queue, desk) = try Self.make()
        await Self.goOffline(driver, queue)
        #expect(driver.state.cruscotto.counterQueue.workingOffline)
        #expect(driver.terminal.rowText(23).hasPrefix("F1 Aiuto  F2 Chiama  F3 Esci  F5 Aggiorna"))
        #expect(driver.terminal.rowText(23).contains("S-F4 Biglietto"))
        #expect(!driver.terminal.rowText(23).contains("S-F9"))
        assertSnapshot(driver.text, named: "cruscotto-offline-queue-empty-80x24")
        // The accoglienza issues from the reserved numbers.
        await driver.press(.function(16))
        await driver.press(.enter)
        #expect(driver.state.message == .ok("Emesso il biglietto di riserva A-701: 0 persone prima, lo chiama solo questa postazione."))
        driver.clock.advance(by: 180)
        await driver.press(.function(16))
        await driver.press(.tab, .down)  // priority: disabilità
        await driver.press(.enter)
        await driver.tick()
        assertSnapshot(driver.text, named: "cruscotto-offline-queue-80x24")
        // F2 calls them, the priority one first.
        await driver.press(.function(2))
        #expect(driver.state.message == .ok("Chiamato il biglietto di riserva A-702."))
        assertSnapshot(driver.text, named: "cruscotto-offline-queue-called-80x24")
        // No transfer or park offline.
        #expect(!driver.terminal.rowText(23).contains("F7"))
        await driver.press(.function(18))  // start service
        await driver.press(.function(8), .enter)  // close: servito
        #expect(driver.state.message == .ok("Biglietto A-702 chiuso (servito)."))
        #expect(driver.state.cruscotto.counterQueue.current == nil)
        #expect(try Self.outbox(desk) == ["issue A-701", "issue A-702", "call A-702", "start_service A-702", "close A-702"])
        // The central queue saw none of it.
        #expect(await queue.inner.status().totalWaiting == 0)
        #expect(try desk.remaining()["A"] == 48)
    }

    @Test func exhaustedReservedNumbersAreRefusedClearly() async throws {
        let (driver, queue, desk) = try Self.make()
        await Self.goOffline(driver, queue)
        for _ in 0..<50 { _ = try desk.issue(IssueRequest(serviceCode: "ANA")) }
        driver.clock.advance(by: 1)
        await driver.tick()
        #expect(driver.text.contains("A 0  C 50"))
        await driver.press(.function(16))
        await driver.press(.enter)
        #expect(driver.state.message?.kind == .error)
        #expect(driver.state.message?.text.hasPrefix("numeri di riserva esauriti: nessun numero A (Anagrafe) per oggi") == true)
    }

    @Test func backOnlineOfflineTicketsAreCalledFirst() async throws {
        let (driver, queue, desk) = try Self.make()
        await Self.goOffline(driver, queue)
        await driver.press(.function(16))
        await driver.press(.enter)
        // Meanwhile the totem issued a central ticket this counter could call.
        queue.reachable = true
        _ = try await queue.inner.issue(IssueRequest(serviceCode: "CIE"))
        driver.service.central = .online(checkedAt: StationDriver.start)
        driver.service.syncReaches = true
        await driver.press(.function(5))
        #expect(!driver.state.cruscotto.counterQueue.workingOffline)
        #expect(driver.text.contains("Riserva in coda: 1"))
        await driver.press(.function(2))
        #expect(driver.state.message == .ok("Chiamato il biglietto di riserva A-701."))
        // The offline ticket is closed here, online or not.
        await driver.press(.function(8), .enter)
        #expect(driver.state.message == .ok("Biglietto A-701 chiuso (servito)."))
        await driver.press(.function(2))
        #expect(driver.state.message == .ok("Chiamato il biglietto C001."))
        #expect(try Self.outbox(desk) == ["issue A-701", "call A-701", "close A-701"])
    }
}

/// The same counter on a PostgreSQL station whose server does not answer (a closed port): the
/// station's real queue fails, the counter works on the numbers it reserved earlier.
@Suite struct CounterOfflineOnPostgresTests {
    @Test func aStationOnAClosedPortServesFromItsReservedNumbers() async throws {
        let port = try ClosedPort.take()
        let url = try PostgresCentralURL(parsing: "postgresql://sportello_sportello_3:x@127.0.0.1:\(port)/sportello?sslmode=disable")
        var desk: OfflineTicketDesk?
        let driver = try StationDriver(central: .unreachable, queue: { clock in
            PostgresStationQueue(link: PostgresCentralLink(url: url), clock: clock)
        }, offline: { clock in
            let made = OfflineTicketDesk(store: try AppDatabase.inMemory(clock: clock), station: "sportello-3")
            // What an earlier read of the queue left at the station.
            try made.saveConfiguration(DefaultQueueOffice.configuration)
            try made.saveBlock(OfflineTicketBlock(station: "sportello-3", prefix: "A", day: LocalDay(containing: clock.now()), first: 701, last: 750))
            desk = made
            return made
        })
        let offline = try #require(desk)
        await driver.logIn()
        #expect(driver.state.cruscotto.counterQueue.workingOffline)
        #expect(driver.state.cruscotto.counterQueue.problem?.contains("non raggiungibile (127.0.0.1:\(port))") == true)
        await driver.press(.function(16), .enter)
        #expect(driver.state.message == .ok("Emesso il biglietto di riserva A-701: 0 persone prima, lo chiama solo questa postazione."))
        await driver.press(.function(2))
        #expect(driver.state.message == .ok("Chiamato il biglietto di riserva A-701."))
        await driver.press(.function(8), .enter)
        #expect(driver.state.message == .ok("Biglietto A-701 chiuso (servito)."))
        #expect(try CounterOfflineQueueTests.outbox(offline) == ["issue A-701", "call A-701", "close A-701"])
    }
}

/// A local TCP port with nothing listening (bound, then released).
enum ClosedPort {
    static func take() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw QueueBackendError.unavailable(reason: "nessuna porta libera") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
