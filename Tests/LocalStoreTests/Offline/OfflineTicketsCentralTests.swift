import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// Offline tickets reach the day's record: when the central side applies their events it
/// writes them into the day's tickets once, with their reserved number, so the ticket lookup,
/// the day's report and the closing count them; never claimable while their station has them.
@Suite struct OfflineTicketsCentralTests {
    static let config = ContractFixture.configuration()
    static let start = ContractFixture.rome("2026-11-30 09:00")

    /// A central queue with its sync side on the same database, both backends.
    static func withCentral<T: Sendable>(
        _ kind: ContractBackendKind, suite: String, clock: ContractClock,
        _ body: (any QueueBackend, any SyncCentral) async throws -> T
    ) async throws -> T {
        switch kind {
        case .sqlite:
            let directory = try QueueTempDirectory()
            let backend = try await QueueFixture.backend(in: directory, config: config, clock: clock)
            let central = try CentralQueueFile.openCentral(path: directory.centralPath, clock: clock)
            defer { try? central.close() }
            return try await body(backend, SQLiteSyncCentral(central: central))
        case .postgres:
            return try await PostgresTestDatabase.with(suite: suite) { handle in
                let central = try await PostgresCentral.connect(handle.url)
                defer { central.shutdown() }
                try await PostgresQueueBackend.replaceConfiguration(config, in: central)
                let backend = try await PostgresQueueBackend.open(central: central, clock: clock)
                return try await body(backend, PostgresSyncCentral(central: central, clock: clock))
            }
        }
    }

    /// A station with its offline desk and blocks reserved centrally (as at its start).
    static func station(_ central: any SyncCentral, backend: any QueueBackend, clock: ContractClock) async throws -> (SyncTestStation, OfflineTicketDesk) {
        let station = try SyncTestStation("sportello-3", central: central, clock: clock)
        let desk = OfflineTicketDesk(store: station.store, station: "sportello-3")
        let reserved = try await desk.topUp(from: backend)
        #expect(reserved.map(\.prefix) == ["A", "C", "S"])
        return (station, desk)
    }

    static func at(_ clock: ContractClock, _ time: String) { clock.set(ContractFixture.rome("2026-11-30 \(time)")) }

    static let served = TicketAction.close(outcome: "servito", procedures: [], contactID: nil)

    @Test(arguments: ContractBackendKind.available)
    func servedOfflineCountedInTheDaysReportOnce(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await Self.withCentral(kind, suite: "offline-report", clock: clock) { backend, central in
            try await backend.openOffice()
            let (station, desk) = try await Self.station(central, backend: backend, clock: clock)
            // The network is gone: two tickets issued, called and finished at the station.
            Self.at(clock, "09:05")
            let first = try desk.issue(IssueRequest(serviceCode: "ANA"))
            Self.at(clock, "09:06")
            let second = try desk.issue(IssueRequest(serviceCode: "ANA"))
            #expect([first.displayNumber, second.displayNumber] == ["A-701", "A-702"])
            Self.at(clock, "09:10")
            let one = try #require(try desk.callNext(counter: 3, operatorID: "mario.bianchi"))
            _ = try desk.transition(ticketID: one.ticket.id, token: one.token, action: .startService, counter: 3, operatorID: "mario.bianchi")
            Self.at(clock, "09:22")
            _ = try desk.transition(ticketID: one.ticket.id, token: one.token, action: Self.served, counter: 3, operatorID: "mario.bianchi")
            Self.at(clock, "09:23")
            let two = try #require(try desk.callNext(counter: 3, operatorID: "mario.bianchi"))
            Self.at(clock, "09:24")
            _ = try desk.transition(ticketID: two.ticket.id, token: two.token, action: .recall, counter: 3, operatorID: "mario.bianchi")
            Self.at(clock, "09:25")
            _ = try desk.transition(ticketID: two.ticket.id, token: two.token, action: .markNoShow, counter: 3, operatorID: "mario.bianchi")
            // Back online: pushed, and pushed again (the answer lost): recorded once.
            Self.at(clock, "09:30")
            let batch = try station.store.syncOutboxBatch(limit: 100)
            #expect(batch.count == 8)
            let versions = try station.versions
            #expect(try await central.push(batch, from: versions).allSatisfy { $0.outcome == .applied })
            #expect(try await central.push(batch, from: versions).allSatisfy { $0.outcome == .duplicate })
            _ = try await station.engine.once()
            #expect(try station.store.outboxCount() == 0)

            let a701 = try await backend.ticket(number: TicketNumber(prefix: "A", seq: 701))
            #expect(a701.state == .done && a701.outcome == "servito" && a701.counter == 3)
            #expect(a701.operatorID == "mario.bianchi" && a701.serviceCode == "ANA" && a701.id > 0)
            #expect(a701.history.map(\.kind) == ["issue", "call", "start_service", "close"])
            #expect(a701.firstCalledAt == ContractFixture.rome("2026-11-30 09:10"))
            let a702 = try await backend.ticket(number: TicketNumber(prefix: "A", seq: 702))
            #expect(a702.state == .noShow && a702.outcome == "non_presentato")

            let day = LocalDay(containing: Self.start)
            let source = try #require(backend as? any QueueReportSource)
            let report = QueueReport(facts: try await source.reportFacts(from: day, to: day), configuration: Self.config)
            #expect((report.issued, report.called, report.served, report.noShows, report.recalls, report.stillOpen) == (2, 2, 1, 1, 1, 0))
            #expect(report.waits.count == 2)
            #expect(report.services.first { $0.code == "ANA" }?.issued == 2)
            #expect(report.counters.contains { $0.counter == 3 })
            #expect(report.operators.contains { $0.operatorID == "mario.bianchi" })
            // The closing: nothing of them left open, and the closed day's figures include them.
            Self.at(clock, "18:00")
            let closing = try await backend.closeOffice(operatorID: "resp")
            #expect(closing.closedCount == 0 && closing.stillAtCounters.isEmpty)
            let after = QueueReport(facts: try await source.reportFacts(from: day, to: day), configuration: Self.config)
            #expect((after.issued, after.served, after.noShows) == (2, 1, 1))
        }
    }

    @Test(arguments: ContractBackendKind.available)
    func laterStepFirstIsKeptAndWaitingTicketsAreNeverClaimed(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await Self.withCentral(kind, suite: "offline-order", clock: clock) { backend, central in
            let (station, desk) = try await Self.station(central, backend: backend, clock: clock)
            Self.at(clock, "09:05")
            let waiting = try desk.issue(IssueRequest(serviceCode: "ANA"))
            let served = try desk.issue(IssueRequest(serviceCode: "ANA"))
            let versions = try station.versions
            // A-701's issue reaches the central side alone: stored, waiting for its station only.
            let issues = try station.store.syncOutboxBatch(limit: 100)
            #expect(try await central.push(issues, from: versions).allSatisfy { $0.outcome == .applied })
            Self.at(clock, "09:10")
            #expect(try await backend.claim(ClaimRequest(counter: 1, operatorID: "luca.verdi")) == nil)
            #expect(try await backend.claim(ClaimRequest(counter: 3, operatorID: "luca.verdi")) == nil)
            #expect(try await backend.status().services.first { $0.serviceCode == "ANA" }?.waiting == 0)
            let stored = try await backend.ticket(number: waiting.number)
            #expect(stored.state == .waiting && stored.isReservedAtStation)
            // A-702 called and closed at the station; the close arrives before the call.
            _ = served
            let claim = try #require(try desk.callNext(counter: 3, operatorID: "mario.bianchi"))
            #expect(claim.ticket.number.seq == 701)
            _ = try desk.transition(ticketID: claim.ticket.id, token: claim.token, action: Self.served, counter: 3, operatorID: "mario.bianchi")
            let steps = try station.store.syncOutboxBatch(limit: 100).filter { step in !issues.contains { $0.id == step.id } }
            #expect(steps.count == 2)
            #expect(try await central.push(Array(steps.reversed()), from: versions).allSatisfy { $0.outcome == .applied })
            let closed = try await backend.ticket(number: waiting.number)
            #expect(closed.state == .done && closed.outcome == "servito" && !closed.isReservedAtStation)
            #expect(closed.history.map(\.kind) == ["issue", "call", "close"])
            // An online ticket is called as usual; A-702 still waits for its station.
            _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            let online = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "luca.verdi")))
            #expect(online.ticket.number.seq < 701)
            #expect(try await backend.ticket(number: served.number).isReservedAtStation)
        }
    }

    @Test(arguments: ContractBackendKind.available)
    func aNumberOutsideTheStationsBlocksIsRefused(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await Self.withCentral(kind, suite: "offline-foreign", clock: clock) { _, central in
            // Blocks kept only at the station: the central side never reserved them.
            let station = try SyncTestStation("sportello-3", central: central, clock: clock)
            let desk = OfflineTicketDesk(store: station.store, station: "sportello-3")
            try desk.saveConfiguration(Self.config)
            try desk.saveBlock(OfflineTicketBlock(station: "sportello-3", prefix: "A", day: LocalDay(containing: Self.start), first: 701, last: 750))
            _ = try desk.issue(IssueRequest(serviceCode: "ANA"))
            let acks = try await central.push(try station.store.syncOutboxBatch(limit: 10), from: try station.versions)
            #expect(acks.map(\.outcome) == [.refused])
            #expect(acks.first?.reason?.contains("non riservato alla postazione sportello-3") == true)
        }
    }

    @Test(arguments: ContractBackendKind.available)
    func blocksAreReservedAtStartSoAStationOfflineRightAfterHasNumbers(kind: ContractBackendKind) async throws {
        let clock = ContractClock(Self.start)
        try await kind.with(suite: "offline-start", configuration: Self.config, clock: clock) { backend, _ in
            let desk = OfflineTicketDesk(store: try AppDatabase.inMemory(clock: clock), station: "sportello-3")
            #expect(try desk.remaining().isEmpty)
            // The station opens: its start reserves today's blocks before any queue read.
            let reserved = try await desk.topUp(from: backend)
            #expect(reserved.allSatisfy { $0.first == 701 && $0.count == OfflineBlockPolicy().size })
            #expect(try desk.configuration() == Self.config)
            // The network goes right after: numbers are there.
            #expect(try desk.issue(IssueRequest(serviceCode: "ANA")).displayNumber == "A-701")
            #expect(try desk.remaining()["A"] == OfflineBlockPolicy().size - 1)
            // Opening again the same day reserves nothing more.
            #expect(try await desk.topUp(from: backend).isEmpty)
        }
    }
}
