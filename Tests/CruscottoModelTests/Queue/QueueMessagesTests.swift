import Foundation
import Testing
@testable import CruscottoModel

/// The exact Italian an operator reads for each refusal.
@Suite struct QueueMessagesTests {
    @Test(arguments: [
        (QueueRuleError.alreadyCalled(ticket: "A042", counter: 2), "Il biglietto A042 è già stato chiamato allo sportello 2"),
        (.alreadyServing(ticket: "A042", counter: 3), "Il biglietto A042 è già in servizio allo sportello 3"),
        (.alreadyEnded(ticket: "A042", state: .cancelled, outcome: "chiuso a fine giornata"),
         "Il biglietto A042 è già chiuso (chiuso a fine giornata)"),
        (.notAllowed(ticket: "C007", state: .noShow, verb: "richiamare"),
         "Impossibile richiamare il biglietto C007: è segnato come non presentato"),
        (.staleToken(ticket: "A042", given: FencingToken(17), current: FencingToken(21)),
         "Il biglietto A042 non è più assegnato a questo sportello (gettone 17, attuale 21): operazione rifiutata"),
        (.staleToken(ticket: "A042", given: nil, current: FencingToken(21)),
         "Il biglietto A042 non è più assegnato a questo sportello (gettone assente, attuale 21): operazione rifiutata"),
        (.reservedForCounter(ticket: "S003", counter: 5),
         "Il biglietto S003 è stato trasferito allo sportello 5: solo quello sportello può chiamarlo"),
        (.tooFewRecalls(ticket: "A042", recalls: 0, required: 2),
         "Il biglietto A042 è stato richiamato 0 volte: per segnarlo come non presentato servono 2 richiami"),
        (.reactivationExpired(ticket: "A042", minutes: 22, window: 15),
         "Il biglietto A042 è segnato come non presentato da 22 minuti: si può riattivare solo entro 15 minuti"),
        (.outcomeNotChosenByOperator(code: "annullato", name: "annullato"),
         "L'esito annullato (annullato) è assegnato solo dal sistema"),
    ])
    func ruleMessages(error: QueueRuleError, text: String) {
        #expect(error.description == text)
        #expect(error.localizedDescription == text)
    }

    @Test(arguments: [
        (QueueBackendError.unknownService(code: "XYZ"), "Servizio sconosciuto: XYZ"),
        (.unknownTicketNumber(number: "A042", day: LocalDay(year: 2026, month: 3, day: 9)),
         "Il biglietto A042 non esiste oggi (09/03/2026)"),
        (.ticketOfAnotherDay(number: "A042", day: LocalDay(year: 2026, month: 11, day: 29)),
         "Il biglietto A042 è del 29/11/2026: non si può più usare"),
        (.rule(.alreadyServing(ticket: "A042", counter: 3)), "Il biglietto A042 è già in servizio allo sportello 3"),
        (.officeDay(.counterTaken(counter: 2, operatorID: "verdi")), "Allo sportello 2 c'è già l'operatore verdi"),
        (.unknownCounter(number: 9), "Sportello 9 inesistente"),
    ])
    func backendMessages(error: QueueBackendError, text: String) {
        #expect(error.description == text)
    }
}
