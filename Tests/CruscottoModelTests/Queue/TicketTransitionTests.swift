import Foundation
import Testing
@testable import CruscottoModel

/// Every state × action pair: what is allowed and where it leads, and that all the others are
/// refused with a reason.
@Suite struct TicketTransitionTests {
    static let rules = QueueRules(recallsBeforeNoShow: 0, noShowReactivationMinutes: 15)
    static let start = rome("2026-11-30 09:00")

    enum Step: String, CaseIterable, CustomTestStringConvertible {
        case call, recall, markNoShow, reactivate, startService, park, transfer, close, cancel, closeAtEndOfDay, linkContact
        var testDescription: String { rawValue }

        var action: TicketAction {
            switch self {
            case .call: .call(token: FencingToken(100))
            case .recall: .recall
            case .markNoShow: .markNoShow
            case .reactivate: .reactivate
            case .startService: .startService
            case .park: .park(note: "va a prendere il documento")
            case .transfer: .transfer(serviceCode: "CIE", counter: nil, note: "serve la CIE")
            case .close: .close(outcome: "servito", procedures: ["certificato_residenza"], contactID: nil)
            case .cancel: .cancel(reason: "uscito")
            case .closeAtEndOfDay: .closeAtEndOfDay
            case .linkContact: .linkContact(contactID: "C000001")
            }
        }
    }

    /// A ticket brought into `state` through the state machine itself.
    static func ticket(in state: TicketState) throws -> Ticket {
        var t = Fixture.ticket(1, seq: 42, arrival: start)
        var clock = start
        func step(_ action: TicketAction) throws {
            clock = clock.addingTimeInterval(60)
            t = try t.applying(action, token: t.token, at: clock, counter: 3, operatorID: "mbianchi", rules: rules)
        }
        switch state {
        case .waiting: break
        case .called: try step(.call(token: FencingToken(7)))
        case .serving: try step(.call(token: FencingToken(7))); try step(.startService)
        case .parked:
            try step(.call(token: FencingToken(7))); try step(.startService); try step(.park(note: nil))
        case .transferred:
            try step(.call(token: FencingToken(7))); try step(.transfer(serviceCode: "STC", counter: nil, note: ""))
        case .noShow: try step(.call(token: FencingToken(7))); try step(.markNoShow)
        case .done:
            try step(.call(token: FencingToken(7))); try step(.startService)
            try step(.close(outcome: "servito", procedures: [], contactID: nil))
        case .cancelled: try step(.cancel(reason: "uscito"))
        }
        #expect(t.state == state)
        return t
    }

    static let allowed: [TicketState: [Step: TicketState]] = [
        .waiting: [.call: .called, .cancel: .cancelled, .closeAtEndOfDay: .cancelled],
        .called: [.recall: .called, .markNoShow: .noShow, .startService: .serving, .transfer: .transferred,
                  .close: .done, .cancel: .cancelled, .linkContact: .called],
        .serving: [.park: .parked, .transfer: .transferred, .close: .done, .linkContact: .serving],
        .parked: [.call: .called, .cancel: .cancelled, .closeAtEndOfDay: .cancelled],
        .transferred: [.call: .called, .cancel: .cancelled, .closeAtEndOfDay: .cancelled],
        .noShow: [.reactivate: .waiting],
        .done: [:],
        .cancelled: [:],
    ]

    static let pairs: [(TicketState, Step)] = TicketState.allCases.flatMap { s in Step.allCases.map { (s, $0) } }

    @Test(arguments: pairs)
    func transition(from state: TicketState, step: Step) throws {
        let before = try Self.ticket(in: state)
        let at = Self.start.addingTimeInterval(600)
        let result = Result { () throws(QueueRuleError) -> Ticket in
            try before.applying(step.action, token: before.token, at: at, counter: 3,
                                operatorID: "mbianchi", rules: Self.rules)
        }
        if let expected = Self.allowed[state]?[step] {
            let after = try result.get()
            #expect(after.state == expected)
            #expect(after.history.count == before.history.count + 1)
            let event = try #require(after.history.last)
            #expect(event.at == at && event.counter == 3 && event.operatorID == "mbianchi")
            #expect(event.from == state && event.to == expected && event.kind == step.action.kind)
            #expect(after.arrival == before.arrival)
        } else {
            #expect(throws: QueueRuleError.self) { try result.get() }
            if case let .failure(error) = result { #expect(!error.description.isEmpty) }
        }
    }

    @Test func reasonsNameTicketCounterAndState() throws {
        let serving = try Self.ticket(in: .serving)
        let at = Self.start.addingTimeInterval(900)
        #expect(throws: QueueRuleError.alreadyServing(ticket: "A042", counter: 3)) {
            try serving.applying(.call(token: FencingToken(9)), at: at, counter: 1, operatorID: nil, rules: Self.rules)
        }
        #expect(QueueRuleError.alreadyServing(ticket: "A042", counter: 3).description
            == "Il biglietto A042 è già in servizio allo sportello 3")
        let done = try Self.ticket(in: .done)
        #expect(throws: QueueRuleError.alreadyEnded(ticket: "A042", state: .done, outcome: "servito")) {
            try done.applying(.recall, token: done.token, at: at, counter: 3, operatorID: nil, rules: Self.rules)
        }
        let waiting = try Self.ticket(in: .waiting)
        let error = #expect(throws: QueueRuleError.self) {
            try waiting.applying(.startService, at: at, counter: 3, operatorID: nil, rules: Self.rules)
        }
        #expect(error?.description == "Impossibile avviare il servizio per il biglietto A042: è in attesa")
    }

    @Test(arguments: [nil, FencingToken(6), FencingToken(8)])
    func staleTokenIsRefusedForEveryHeldAction(token: FencingToken?) throws {
        let called = try Self.ticket(in: .called)
        for step in [Step.recall, .startService, .transfer, .close, .cancel, .markNoShow, .linkContact] {
            #expect(throws: QueueRuleError.staleToken(ticket: "A042", given: token, current: FencingToken(7))) {
                try called.applying(step.action, token: token, at: Self.start.addingTimeInterval(300),
                                    counter: 3, operatorID: nil, rules: Self.rules)
            }
        }
    }

    @Test func linkingAContactNeedsTheHoldingCounterAndKeepsTheLinkAtClose() throws {
        let serving = try Self.ticket(in: .serving)
        let at = Self.start.addingTimeInterval(300)
        let other = #expect(throws: QueueRuleError.heldByAnotherCounter(ticket: "A042", counter: 3)) {
            try serving.applying(.linkContact(contactID: "C000001"), token: serving.token, at: at, counter: 1,
                                 operatorID: nil, rules: Self.rules)
        }
        #expect(other?.description == "Il biglietto A042 è allo sportello 3, non a questo: operazione rifiutata")
        #expect(throws: QueueRuleError.contactRequired(ticket: "A042")) {
            try serving.applying(.linkContact(contactID: "  "), token: serving.token, at: at, counter: 3,
                                 operatorID: nil, rules: Self.rules)
        }
        let waiting = try Self.ticket(in: .waiting)
        let refused = #expect(throws: QueueRuleError.self) {
            try waiting.applying(.linkContact(contactID: "C000001"), at: at, counter: 3, operatorID: nil, rules: Self.rules)
        }
        #expect(refused?.description == "Impossibile collegare un cittadino con il biglietto A042: è in attesa")
        let linked = try serving.applying(.linkContact(contactID: "C000001"), token: serving.token, at: at, counter: 3,
                                          operatorID: "mbianchi", rules: Self.rules)
        #expect(linked.contactID == "C000001" && linked.state == .serving)
        #expect(linked.history.last?.detail == "C000001")
        let closed = try linked.applying(.close(outcome: "servito", procedures: [], contactID: nil), token: linked.token,
                                         at: at, counter: 3, operatorID: "mbianchi", rules: Self.rules)
        #expect(closed.contactID == "C000001")
    }

    @Test func newTokenMustBeNewer() throws {
        let parked = try Self.ticket(in: .parked)
        #expect(throws: QueueRuleError.tokenNotNewer(ticket: "A042", given: FencingToken(7), current: FencingToken(7))) {
            try parked.applying(.call(token: FencingToken(7)), at: Self.start.addingTimeInterval(600),
                                counter: 3, operatorID: nil, rules: Self.rules)
        }
    }

    @Test func recallsAreCountedAndNoShowNeedsTheConfiguredRecalls() throws {
        let rules = QueueRules(recallsBeforeNoShow: 2, noShowReactivationMinutes: 15)
        var t = try Self.ticket(in: .called)
        let at = Self.start.addingTimeInterval(300)
        t = try t.applying(.recall, token: t.token, at: at, counter: 3, operatorID: nil, rules: rules)
        #expect(t.recallCount == 1)
        let error = #expect(throws: QueueRuleError.self) {
            try t.applying(.markNoShow, token: t.token, at: at, counter: 3, operatorID: nil, rules: rules)
        }
        #expect(error?.description
            == "Il biglietto A042 è stato richiamato 1 volta: per segnarlo come non presentato servono 2 richiami")
        t = try t.applying(.recall, token: t.token, at: at, counter: 3, operatorID: nil, rules: rules)
        t = try t.applying(.markNoShow, token: t.token, at: at, counter: 3, operatorID: nil, rules: rules)
        #expect(t.state == .noShow && t.recallCount == 2 && t.outcome == "non_presentato")
    }

    @Test(arguments: [(0.0, true), (14.9, true), (15.0, true), (15.1, false), (60.0, false)])
    func noShowReactivationWindow(minutesLater: Double, allowed: Bool) throws {
        let noShow = try Self.ticket(in: .noShow)
        let at = noShow.stateSince.addingTimeInterval(minutesLater * 60)
        let result = Result { () throws(QueueRuleError) -> Ticket in
            try noShow.applying(.reactivate, at: at, counter: 1, operatorID: nil, rules: Self.rules)
        }
        if allowed {
            let back = try result.get()
            #expect(back.state == .waiting && back.arrival == noShow.arrival && back.outcome == nil)
        } else {
            #expect(throws: QueueRuleError.reactivationExpired(
                ticket: "A042", minutes: Int(minutesLater), window: 15)) { try result.get() }
        }
    }

    @Test func transferKeepsArrivalAndNumberAndAddsTheNote() throws {
        let called = try Self.ticket(in: .called)
        let moved = try called.applying(
            .transfer(serviceCode: "CIE", counter: 2, note: "serve la CIE"), token: called.token,
            at: Self.start.addingTimeInterval(1200), counter: 3, operatorID: "mbianchi", rules: Self.rules)
        #expect(moved.state == .transferred && moved.serviceCode == "CIE" && moved.targetCounter == 2)
        #expect(moved.arrival == called.arrival && moved.number == called.number)
        #expect(moved.note == "serve la CIE")
        #expect(moved.history.last?.detail == "servizio CIE, sportello 2: serve la CIE")
        // Only counter 2 may call it now.
        #expect(throws: QueueRuleError.reservedForCounter(ticket: "A042", counter: 2)) {
            try moved.applying(.call(token: FencingToken(8)), at: Self.start.addingTimeInterval(1300),
                               counter: 1, operatorID: nil, rules: Self.rules)
        }
        let taken = try moved.applying(.call(token: FencingToken(8)), at: Self.start.addingTimeInterval(1300),
                                       counter: 2, operatorID: nil, rules: Self.rules)
        #expect(taken.targetCounter == nil && taken.firstCalledAt == called.firstCalledAt)
    }

    @Test(arguments: [
        (TicketAction.transfer(serviceCode: nil, counter: nil, note: "x"), QueueRuleError.transferWithoutTarget(ticket: "A042")),
        (.transfer(serviceCode: "ANA", counter: nil, note: "x"), .transferToSamePlace(ticket: "A042")),
        (.close(outcome: "boh", procedures: [], contactID: nil), .unknownOutcome(code: "boh")),
        (.close(outcome: "non_presentato", procedures: [], contactID: nil),
         .outcomeNotChosenByOperator(code: "non_presentato", name: "non presentato")),
        (.cancel(reason: "  "), .reasonRequired(verb: "annullare")),
    ])
    func badArgumentsAreRefused(action: TicketAction, error: QueueRuleError) throws {
        let called = try Self.ticket(in: .called)
        #expect(throws: error) {
            try called.applying(action, token: called.token, at: Self.start.addingTimeInterval(600),
                                counter: 3, operatorID: nil, rules: Self.rules)
        }
    }

    @Test func closeRecordsOutcomeProceduresAndContact() throws {
        let serving = try Self.ticket(in: .serving)
        let done = try serving.applying(
            .close(outcome: "servito_back_office", procedures: ["cambio_residenza", "certificato"], contactID: "c-77"),
            token: serving.token, at: Self.start.addingTimeInterval(1500), counter: 3, operatorID: "mbianchi",
            rules: Self.rules)
        #expect(done.outcome == "servito_back_office")
        #expect(done.procedures == ["cambio_residenza", "certificato"])
        #expect(done.contactID == "c-77")
    }

    @Test func callWithoutCounterIsRefused() throws {
        let waiting = try Self.ticket(in: .waiting)
        #expect(throws: QueueRuleError.counterRequired(ticket: "A042")) {
            try waiting.applying(.call(token: FencingToken(1)), at: Self.start, counter: nil, operatorID: nil,
                                 rules: Self.rules)
        }
    }
}
