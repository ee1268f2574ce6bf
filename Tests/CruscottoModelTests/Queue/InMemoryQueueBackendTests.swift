import Foundation
import Testing
@testable import CruscottoModel

@Suite struct InMemoryQueueBackendTests {
    static func make(at instant: String = "2026-11-30 09:00", rules: QueueRules = QueueRules())
        throws -> (InMemoryQueueBackend, TestClock)
    {
        let clock = TestClock(rome(instant))
        return (try InMemoryQueueBackend(configuration: Fixture.configuration(rules: rules), clock: clock), clock)
    }

    @Test func issueNumbersPerPrefixAndEstimates() async throws {
        let (backend, clock) = try Self.make()
        let a1 = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.advance(minutes: 1)
        let a2 = try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "gravidanza",
                                                      contactID: "c-1", phone: "+393331234567", counter: 4,
                                                      operatorID: "accoglienza1"))
        let c1 = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        #expect([a1, a2, c1].map(\.number.display) == ["A001", "A002", "C001"])
        #expect(a2.peopleAheadAtIssue == 1 && a2.estimatedWaitMinutes == 8 / 3)
        #expect(a2.priority == "gravidanza" && a2.phone == "+393331234567" && a2.contactID == "c-1")
        #expect(a2.history.first?.counter == 4 && a2.history.first?.operatorID == "accoglienza1")
        #expect(a1.arrival == rome("2026-11-30 09:00"))
    }

    @Test(arguments: [
        ("2026-12-05 10:00", "Il servizio Anagrafe è chiuso: apre lunedì–venerdì 8:30–12:30, giovedì anche 14:30–17:00"),
        ("2026-11-30 13:00", "Il servizio Anagrafe è chiuso: apre lunedì–venerdì 8:30–12:30, giovedì anche 14:30–17:00"),
    ])
    func closedServiceIsRefusedWithItsHours(instant: String, message: String) async throws {
        let (backend, _) = try Self.make(at: instant)
        let error = await #expect(throws: QueueBackendError.self) {
            try await backend.issue(IssueRequest(serviceCode: "ANA"))
        }
        #expect(error?.description == message)
        #expect(await backend.tickets(on: LocalDay(containing: rome(instant))).isEmpty)
    }

    @Test func badInputGetsItsOwnMessageAndWritesNothing() async throws {
        let (backend, _) = try Self.make()
        await #expect(throws: QueueBackendError.unknownService(code: "XYZ")) {
            try await backend.issue(IssueRequest(serviceCode: "XYZ"))
        }
        await #expect(throws: QueueBackendError.unknownPriority(code: "vip", known: ["disabilita", "gravidanza", "over75", "appuntamento"])) {
            try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "vip"))
        }
        await #expect(throws: QueueBackendError.unknownCounter(number: 9)) { try await backend.claim(ClaimRequest(counter: 9)) }
        await #expect(throws: QueueBackendError.counterWithoutProfile(number: 4)) { try await backend.claim(ClaimRequest(counter: 4)) }
        #expect(QueueBackendError.counterWithoutProfile(number: 4).description
            == "Lo sportello 4 non ha un profilo: non può chiamare biglietti")
        let missing = await #expect(throws: QueueBackendError.self) {
            try await backend.claim(ClaimRequest(counter: 1, target: .specific(TicketNumber(prefix: "A", seq: 42))))
        }
        #expect(missing?.description == "Il biglietto A042 non esiste oggi (30/11/2026)")
        #expect(await backend.changes(after: 0, limit: 100).changes.isEmpty)
        #expect(try await backend.claim(ClaimRequest(counter: 1)) == nil)
    }

    @Test func staleTokenAfterTheTicketMovedOn() async throws {
        let (backend, clock) = try Self.make()
        let issued = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        let first = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "rossi")))
        _ = try await backend.transition(TransitionRequest(
            ticketID: issued.id, token: first.token, action: .transfer(serviceCode: "CIE", counter: nil, note: "CIE"),
            counter: 1, operatorID: "rossi"))
        clock.advance(minutes: 2)
        let second = try #require(try await backend.claim(ClaimRequest(counter: 3, operatorID: "verdi")))
        #expect(second.ticket.id == issued.id && second.token > first.token)
        let error = await #expect(throws: QueueBackendError.self) {
            try await backend.transition(TransitionRequest(
                ticketID: issued.id, token: first.token,
                action: .close(outcome: "servito", procedures: [], contactID: nil), counter: 1))
        }
        #expect(error == .rule(.staleToken(ticket: "A001", given: first.token, current: second.token)))
        let still = try await backend.ticket(number: issued.number)
        #expect(still.state == .called && still.counter == 3)
    }

    @Test func callSpecificRecallNoShowAndReactivate() async throws {
        let (backend, clock) = try Self.make(rules: QueueRules(recallsBeforeNoShow: 1, noShowReactivationMinutes: 10))
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        let second = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        let claim = try #require(try await backend.claim(ClaimRequest(counter: 2, target: .specific(TicketNumber(parsing: "a2")!))))
        #expect(claim.ticket.id == second.id)
        await #expect(throws: QueueBackendError.rule(.alreadyCalled(ticket: "A002", counter: 2))) {
            try await backend.claim(ClaimRequest(counter: 1, target: .specific(second.number)))
        }
        let recalled = try await backend.transition(TransitionRequest(ticketID: second.id, token: claim.token, action: .recall, counter: 2))
        #expect(recalled.recallCount == 1)
        _ = try await backend.transition(TransitionRequest(ticketID: second.id, token: claim.token, action: .markNoShow, counter: 2))
        clock.advance(minutes: 5)
        let back = try await backend.transition(TransitionRequest(ticketID: second.id, token: nil, action: .reactivate, counter: 1))
        #expect(back.state == .waiting)
        // Back in line with its original arrival: behind A001, which arrived first.
        let next = try #require(try await backend.claim(ClaimRequest(counter: 1)))
        #expect(next.ticket.number.display == "A001")
        let after = try #require(try await backend.claim(ClaimRequest(counter: 2)))
        #expect(after.ticket.id == second.id && after.ticket.recallCount == 0)
    }

    @Test func transferToAnotherServiceKeepsArrivalAndJumpsLaterArrivals() async throws {
        let (backend, clock) = try Self.make()
        let early = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.advance(minutes: 10)
        let laterCIE = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        let claim = try #require(try await backend.claim(ClaimRequest(counter: 1)))
        #expect(claim.ticket.id == early.id)
        _ = try await backend.transition(TransitionRequest(ticketID: early.id, token: claim.token, action: .startService, counter: 1))
        let moved = try await backend.transition(TransitionRequest(
            ticketID: early.id, token: claim.token,
            action: .transfer(serviceCode: "CIE", counter: nil, note: "documento scaduto"), counter: 1))
        #expect(moved.arrival == early.arrival && moved.note == "documento scaduto")
        let cie = try #require(try await backend.claim(ClaimRequest(counter: 3)))
        #expect(cie.ticket.id == early.id)
        #expect(cie.ticket.number.display == "A001" && cie.ticket.serviceCode == "CIE")
        let busy = await #expect(throws: QueueBackendError.self) { try await backend.claim(ClaimRequest(counter: 3)) }
        #expect(busy?.description == "Lo sportello 3 ha ancora il biglietto A001 (chiamato): "
            + "chiuderlo, sospenderlo o trasferirlo prima di chiamarne un altro")
        _ = try await backend.transition(TransitionRequest(
            ticketID: early.id, token: cie.token, action: .close(outcome: "servito", procedures: ["cie"], contactID: nil),
            counter: 3))
        let next = try #require(try await backend.claim(ClaimRequest(counter: 3)))
        #expect(next.ticket.id == laterCIE.id)
        await #expect(throws: QueueBackendError.callNeedsClaim(number: "C001")) {
            try await backend.transition(TransitionRequest(
                ticketID: next.ticket.id, token: next.token, action: .call(token: FencingToken(99)), counter: 3))
        }
        await #expect(throws: QueueBackendError.unknownCounter(number: 12)) {
            try await backend.transition(TransitionRequest(
                ticketID: next.ticket.id, token: next.token, action: .transfer(serviceCode: nil, counter: 12, note: ""), counter: 3))
        }
    }

    @Test func changesArePagedByPosition() async throws {
        let (backend, _) = try Self.make()
        for _ in 0..<5 { _ = try await backend.issue(IssueRequest(serviceCode: "STC")) }
        let claim = try #require(try await backend.claim(ClaimRequest(counter: 1)))
        let page1 = await backend.changes(after: 0, limit: 4)
        #expect(page1.changes.map(\.position) == [1, 2, 3, 4] && page1.hasMore)
        let page2 = await backend.changes(after: page1.lastPosition, limit: 4)
        #expect(page2.changes.map(\.position) == [5, 6] && !page2.hasMore)
        #expect(page2.changes.last?.kind == "call" && page2.changes.last?.ticket.token == claim.token)
        let empty = await backend.changes(after: 6, limit: 4)
        #expect(empty.changes.isEmpty && empty.lastPosition == 6)
    }

    @Test func statusShowsWaitingLongestWaitAndCounters() async throws {
        let (backend, clock) = try Self.make()
        try await backend.openOffice()
        try await backend.signIn(counter: 1, operatorID: "rossi")
        try await backend.signIn(counter: 2, operatorID: "verdi")
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.advance(minutes: 3)
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA", priority: "over75"))
        _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        clock.advance(minutes: 9)
        let claim = try #require(try await backend.claim(ClaimRequest(counter: 1, operatorID: "rossi")))
        try await backend.pause(counter: 2, reason: .screenLocked)
        let status = await backend.status()
        let ana = try #require(status.services.first { $0.serviceCode == "ANA" })
        // The first call of the day takes the priority ticket.
        #expect(claim.ticket.number.display == "A002")
        #expect(ana.waiting == 2 && ana.priorityWaiting == 0 && ana.longestWaitMinutes == 12)
        #expect(ana.longestWaitNumber == "A001")
        #expect(status.counters.map(\.activity) == [.busy, .paused, .closed, .closed])
        #expect(status.counters[0].ticketNumber == claim.ticket.number.display)
        #expect(status.counters[1].pauseReason == "schermo bloccato")
        #expect(status.officeOpen && status.totalWaiting == 2)
    }

    @Test func closingTheOfficeClosesWaitingTicketsWithTheirOwnOutcome() async throws {
        let (backend, clock) = try Self.make()
        try await backend.openOffice()
        for code in ["ANA", "ANA", "CIE", "STC"] { _ = try await backend.issue(IssueRequest(serviceCode: code)) }
        let claim = try #require(try await backend.claim(ClaimRequest(counter: 1)))
        clock.set(rome("2026-11-30 12:35"))
        let report = try await backend.closeOffice(operatorID: "responsabile")
        #expect(report.closedByService == ["ANA": 1, "CIE": 1, "STC": 1] && report.closedCount == 3)
        #expect(report.stillAtCounters == [claim.ticket.number.display])
        let day = LocalDay(year: 2026, month: 11, day: 30)
        let closed = await backend.tickets(on: day).filter { $0.outcome == "chiuso_fine_giornata" }
        #expect(closed.count == 3 && closed.allSatisfy { $0.state == .cancelled })
        await #expect(throws: QueueBackendError.officeDay(.alreadyClosed(day: day))) { try await backend.closeOffice(operatorID: nil) }
        clock.set(rome("2026-11-30 12:40"))
        await #expect(throws: QueueBackendError.officeDay(.alreadyClosed(day: day))) {
            try await backend.claim(ClaimRequest(counter: 2))
        }
        clock.set(rome("2026-12-01 08:40"))
        let tomorrow = try await backend.issue(IssueRequest(serviceCode: "ANA"))
        #expect(tomorrow.number.display == "A001")
    }

    @Test func decodedConfigurationIsValidatedToo() throws {
        var config = Fixture.configuration()
        config.rules.outcomes.removeAll { $0.code == "annullato" }
        var json = String(decoding: try JSONEncoder().encode(config), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"interleave\":3", with: "\"interleave\":0")
        let decoded = try JSONDecoder().decode(QueueConfiguration.self, from: Data(json.utf8))
        #expect(decoded.validationProblems == [
            "Manca l'esito di sistema annullato (annullato)",
            "Alternanza delle priorità non valida: 0 (almeno 1)",
        ])
        #expect(Fixture.configuration().validationProblems.isEmpty)
    }

    @Test func configurationFileShapeIsSnakeCaseAndRoundTrips() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let config = Fixture.configuration()
        let text = String(decoding: try encoder.encode(config), as: UTF8.self)
        for key in ["\"priority_policy\"", "\"max_wait_minutes\":45", "\"typical_service_minutes\":8",
                    "\"services\":[\"ANA\",\"STC\",\"CIE\"]", "\"profile\":\"cie\"",
                    "\"recalls_before_no_show\":2", "\"set_by\":\"system\""] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(try JSONDecoder().decode(QueueConfiguration.self, from: Data(text.utf8)) == config)
    }

    @Test func invalidConfigurationIsRefused() {
        var config = Fixture.configuration()
        config.services.append(Service(code: "ANA", name: "Doppio", prefix: "a1", hours: OpeningHours()))
        config.counters.append(Counter(number: 7, profileCode: "nessuno"))
        #expect(throws: QueueBackendError.invalidConfiguration(problems: [
            "Prefisso «a1» del servizio ANA non valido: una o due lettere maiuscole",
            "Servizio ANA definito due volte",
            "Lo sportello 7 usa il profilo sconosciuto nessuno",
        ])) {
            try InMemoryQueueBackend(configuration: config, clock: FixedClock(Date(timeIntervalSince1970: 0)))
        }
    }
}
