import Foundation

/// A transition the queue rules refuse, with the reason in Italian.
public enum QueueRuleError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    case alreadyCalled(ticket: String, counter: Int?)
    case alreadyServing(ticket: String, counter: Int?)
    case alreadyEnded(ticket: String, state: TicketState, outcome: String?)
    case notAllowed(ticket: String, state: TicketState, verb: String)
    case staleToken(ticket: String, given: FencingToken?, current: FencingToken?)
    case tokenNotNewer(ticket: String, given: FencingToken, current: FencingToken)
    case reservedForCounter(ticket: String, counter: Int)
    case counterRequired(ticket: String)
    case tooFewRecalls(ticket: String, recalls: Int, required: Int)
    case reactivationExpired(ticket: String, minutes: Int, window: Int)
    case unknownOutcome(code: String)
    case outcomeNotChosenByOperator(code: String, name: String)
    case transferWithoutTarget(ticket: String)
    case transferToSamePlace(ticket: String)
    case reasonRequired(verb: String)
    case heldByAnotherCounter(ticket: String, counter: Int)
    case contactRequired(ticket: String)

    public var description: String {
        switch self {
        case let .alreadyCalled(ticket, counter):
            "Il biglietto \(ticket) è già stato chiamato\(Self.at(counter))"
        case let .alreadyServing(ticket, counter):
            "Il biglietto \(ticket) è già in servizio\(Self.at(counter))"
        case let .alreadyEnded(ticket, state, outcome):
            "Il biglietto \(ticket) è già chiuso (\(outcome ?? state.italianName))"
        case let .notAllowed(ticket, state, verb):
            "Impossibile \(verb) il biglietto \(ticket): \(state.italianCondition)"
        case let .staleToken(ticket, given, current):
            "Il biglietto \(ticket) non è più assegnato a questo sportello "
                + "(gettone \(given.map(String.init(describing:)) ?? "assente"), "
                + "attuale \(current.map(String.init(describing:)) ?? "nessuno")): operazione rifiutata"
        case let .tokenNotNewer(ticket, given, current):
            "Gettone \(given) non valido per il biglietto \(ticket): deve superare \(current)"
        case let .reservedForCounter(ticket, counter):
            "Il biglietto \(ticket) è stato trasferito allo sportello \(counter): solo quello sportello può chiamarlo"
        case let .counterRequired(ticket):
            "Per chiamare il biglietto \(ticket) serve uno sportello"
        case let .tooFewRecalls(ticket, recalls, required):
            "Il biglietto \(ticket) è stato richiamato \(recalls) "
                + (recalls == 1 ? "volta" : "volte")
                + ": per segnarlo come non presentato servono \(required) richiami"
        case let .reactivationExpired(ticket, minutes, window):
            "Il biglietto \(ticket) è segnato come non presentato da \(minutes) minuti: "
                + "si può riattivare solo entro \(window) minuti"
        case let .unknownOutcome(code):
            "Esito sconosciuto: \(code)"
        case let .outcomeNotChosenByOperator(code, name):
            "L'esito \(code) (\(name)) è assegnato solo dal sistema"
        case let .transferWithoutTarget(ticket):
            "Trasferimento del biglietto \(ticket) senza servizio né sportello di destinazione"
        case let .transferToSamePlace(ticket):
            "Il biglietto \(ticket) è già per quel servizio: indicare un altro servizio o uno sportello"
        case let .reasonRequired(verb):
            "Per \(verb) serve un motivo"
        case let .heldByAnotherCounter(ticket, counter):
            "Il biglietto \(ticket) è allo sportello \(counter), non a questo: operazione rifiutata"
        case let .contactRequired(ticket):
            "Per collegare un cittadino al biglietto \(ticket) serve il suo contatto"
        }
    }

    public var errorDescription: String? { description }

    private static func at(_ counter: Int?) -> String {
        counter.map { " allo sportello \($0)" } ?? ""
    }
}
