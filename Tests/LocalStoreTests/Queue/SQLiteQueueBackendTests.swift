import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite struct SQLiteQueueBackendTests {
    /// Monday 30 November 2026, 10:42 in Rome: every fixture service is open.
    static let monday = QueueFixture.rome("2026-11-30 10:42")

    func makeBackend(
        _ directory: QueueTempDirectory, at instant: Date = monday,
        config: QueueConfiguration = QueueFixture.configuration()
    ) async throws -> (SQLiteQueueBackend, QueueTestClock) {
        let clock = QueueTestClock(instant)
        return (try await QueueFixture.backend(in: directory, config: config, clock: clock), clock)
    }

    func refusal(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as QueueBackendError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    func changeCount(_ backend: SQLiteQueueBackend) async throws -> Int {
        try await backend.changes(after: 0, limit: 100_000).changes.count
    }

    @Test func issueNumbersPerPrefixAndDayAndStoresWholeSeconds() async throws {
        let directory = try QueueTempDirectory()
        let (backend, clock) = try await makeBackend(directory, at: Self.monday.addingTimeInterval(0.7))
        let a1 = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        let a2 = try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "over75"))
        let c1 = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        #expect([a1.number.display, a2.number.display, c1.number.display] == ["A001", "A002", "C001"])
        #expect(a1.arrival == Self.monday)
        #expect(a2.peopleAheadAtIssue == 1)
        #expect(try await backend.ticket(number: TicketNumber(prefix: "A", seq: 2)) == a2)
        // The next office day starts again from 1.
        clock.set(QueueFixture.rome("2026-12-01 09:00"))
        #expect(try await backend.issue(IssueRequest(serviceCode: "ANA")).number.display == "A001")
        let row = try backend.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT local_day, hour, arrival FROM queue_ticket WHERE id = ?", arguments: [a1.id])
        }
        #expect(row?["local_day"] == "2026-11-30")
        #expect(row?["hour"] == 10)
        #expect(row?["arrival"] == "2026-11-30T09:42:00Z")
    }

    @Test func unknownAndClosedServicesAreRefusedWithTheirHours() async throws {
        let directory = try QueueTempDirectory()
        let (backend, clock) = try await makeBackend(directory)
        #expect(await refusal { _ = try await backend.issue(IssueRequest(serviceCode: "XYZ")) }
            == "Servizio sconosciuto: XYZ")
        clock.set(QueueFixture.rome("2026-11-30 13:00"))
        #expect(await refusal { _ = try await backend.issue(IssueRequest(serviceCode: "ANA")) }
            == "Il servizio Anagrafe è chiuso: apre lunedì–venerdì 8:30–12:30, giovedì anche 14:30–17:00")
        #expect(await refusal { _ = try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "vip")) }?
            .hasPrefix("Il servizio Anagrafe è chiuso") == true)
        clock.set(Self.monday)
        #expect(await refusal { _ = try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "vip")) }
            == "Categoria di priorità sconosciuta: vip (ammesse: disabilita, gravidanza, over75, appuntamento)")
        #expect(try await changeCount(backend) == 0)
    }

    @Test func counterWithoutProfileOrUnknownCannotCall() async throws {
        let directory = try QueueTempDirectory()
        let (backend, _) = try await makeBackend(directory)
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        #expect(await refusal { _ = try await backend.claim(ClaimRequest(counter: 4)) }
            == "Lo sportello 4 non ha un profilo: non può chiamare biglietti")
        #expect(await refusal { _ = try await backend.claim(ClaimRequest(counter: 9)) } == "Sportello 9 inesistente")
        #expect(try await changeCount(backend) == 1)
    }

    @Test func unknownTicketNumberTodayIsRefused() async throws {
        let directory = try QueueTempDirectory()
        let (backend, clock) = try await makeBackend(directory)
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        #expect(await refusal { _ = try await backend.ticket(number: TicketNumber(prefix: "A", seq: 7)) }
            == "Il biglietto A007 non esiste oggi (30/11/2026)")
        #expect(await refusal {
            _ = try await backend.claim(ClaimRequest(counter: 1, target: .specific(TicketNumber(prefix: "S", seq: 1))))
        } == "Il biglietto S001 non esiste oggi (30/11/2026)")
        // Yesterday's A001 is not today's.
        clock.set(QueueFixture.rome("2026-12-01 09:00"))
        #expect(await refusal { _ = try await backend.ticket(number: TicketNumber(prefix: "A", seq: 1)) }
            == "Il biglietto A001 non esiste oggi (01/12/2026)")
    }

    @Test func staleTokenIsRefusedAndNothingIsWritten() async throws {
        let directory = try QueueTempDirectory()
        let (backend, _) = try await makeBackend(directory)
        let ticket = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        let first = try #require(try await backend.claim(ClaimRequest(counter: 1)))
        _ = try await backend.transition(TransitionRequest(
            ticketID: ticket.id, token: first.token, action: .transfer(serviceCode: "STC", counter: nil, note: ""),
            counter: 1))
        let second = try #require(try await backend.claim(ClaimRequest(counter: 2)))
        #expect(second.ticket.id == ticket.id)
        #expect(second.token > first.token)
        let before = try await changeCount(backend)
        let close = TicketAction.close(outcome: "servito", procedures: [], contactID: nil)
        let message = await refusal {
            _ = try await backend.transition(TransitionRequest(ticketID: ticket.id, token: first.token, action: close, counter: 1))
        }
        #expect(message?.contains("non è più assegnato a questo sportello") == true)
        #expect(try await changeCount(backend) == before)
        let closed = try await backend.transition(TransitionRequest(
            ticketID: ticket.id, token: second.token, action: close, counter: 2))
        #expect(closed.state == .done)
    }

    @Test func oneTicketAtATimePerCounterAndEmptyQueueGivesNil() async throws {
        let directory = try QueueTempDirectory()
        let (backend, _) = try await makeBackend(directory)
        #expect(try await backend.claim(ClaimRequest(counter: 1)) == nil)
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        _ = try #require(try await backend.claim(ClaimRequest(counter: 1)))
        #expect(await refusal { _ = try await backend.claim(ClaimRequest(counter: 1)) }?
            .hasPrefix("Lo sportello 1 ha ancora il biglietto A001 (chiamato)") == true)
    }

    @Test func restartLosesNoTicketAndNoCall() async throws {
        let directory = try QueueTempDirectory()
        var claimed: QueueClaim?
        var issued: [Ticket] = []
        do {
            let (backend, _) = try await makeBackend(directory)
            for _ in 0..<3 { issued.append(try await backend.issue(IssueRequest(serviceCode: "ANA"))) }
            claimed = try await backend.claim(ClaimRequest(counter: 1))
        }
        let reopened = try CentralQueueFile.openBackend(path: directory.centralPath, clock: QueueTestClock(Self.monday))
        let call = try #require(claimed)
        #expect(try await reopened.ticket(number: call.ticket.number) == call.ticket)
        for ticket in issued.dropFirst() {
            #expect(try await reopened.ticket(number: ticket.number) == ticket)
        }
        // Numbers, tokens and positions continue where they were.
        let next = try await reopened.issue(IssueRequest(serviceCode: "ANA"))
        #expect(next.number.display == "A004")
        let second = try #require(try await reopened.claim(ClaimRequest(counter: 2)))
        #expect(second.token.value == call.token.value + 1)
        #expect(second.ticket.id == issued[1].id)
        let log = try await reopened.changes(after: 0, limit: 100)
        #expect(log.changes.map(\.position) == Array(1...Int64(log.changes.count)))
        #expect(try await reopened.configuration() == QueueFixture.configuration())
    }

    @Test func claimProbesTheLaneIndexesWithoutSorting() async throws {
        let directory = try QueueTempDirectory()
        let (backend, _) = try await makeBackend(directory)
        let plan = try await backend.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteQueueBackend.claimSQL(serviceCount: 2),
                             arguments: ["day": "2026-11-30", "counter": 1, "cutoff": nil, "due": 1,
                                         "s0": "ANA", "s1": "CIE"])
                .map { $0["detail"] as String }
        }
        for index in ["queue_ticket_directed", "queue_ticket_parked", "queue_ticket_line"] {
            #expect(plan.contains { $0.contains("USING INDEX \(index)") }, "\(plan)")
        }
        // Only the outer ranking of at most 3 × services + 1 lane heads may sort.
        #expect(plan.filter { $0.contains("TEMP B-TREE") }.count <= 1, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN queue_ticket") }, "\(plan)")
    }

    @Test func defaultOfficeComesWithServicesAndFourCounters() async throws {
        let directory = try QueueTempDirectory()
        let backend = try CentralQueueFile.openBackend(path: directory.centralPath, clock: QueueTestClock(Self.monday))
        let config = try await backend.configuration()
        #expect(config == DefaultQueueOffice.configuration)
        #expect(config.counters.map(\.number) == [1, 2, 3, 4])
        #expect(config.counters.allSatisfy { $0.profileCode != nil })
        #expect(config.validationProblems.isEmpty)
        let anagrafe = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        #expect(anagrafe.number.display == "A001")
        #expect(try await backend.claim(ClaimRequest(counter: 4))?.ticket.id == anagrafe.id)
    }

    @Test func configurationFileRoundTripsAndBadFilesAreRefused() async throws {
        let text = try QueueConfigurationFile.encode(DefaultQueueOffice.configuration)
        #expect(try QueueConfigurationFile.decode(text) == DefaultQueueOffice.configuration)
        #expect(text.contains("[[services]]"))
        var broken = DefaultQueueOffice.configuration
        broken.counters[0].profileCode = "nessuno"
        let brokenText = try QueueConfigurationFile.encode(broken)
        #expect(throws: QueueBackendError.self) { try QueueConfigurationFile.decode(brokenText) }
        #expect(throws: QueueBackendError.self) { try QueueConfigurationFile.decode("services = 3") }
    }

    @Test func importRefusesRemovingAServiceWithOpenTicketsAndKeepsTheOldOne() async throws {
        let directory = try QueueTempDirectory()
        let (backend, _) = try await makeBackend(directory)
        _ = try await backend.issue(IssueRequest(serviceCode: "STC"))
        var smaller = QueueFixture.configuration()
        smaller.services.removeAll { $0.code == "STC" }
        smaller.profiles[0].serviceCodes.removeAll { $0 == "STC" }
        #expect(await refusal { try await backend.replaceConfiguration(smaller) }?
            .contains("Il servizio STC ha ancora biglietti aperti oggi") == true)
        #expect(try await backend.configuration() == QueueFixture.configuration())
    }
}
