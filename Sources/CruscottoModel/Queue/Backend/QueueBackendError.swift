import Foundation

/// Why the central side refused a queue operation, in Italian. Nothing is written when an
/// operation fails.
public enum QueueBackendError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    case unknownService(code: String)
    /// Carries the service's own message with its hours.
    case serviceClosed(message: String)
    case unknownPriority(code: String, known: [String])
    case unknownCounter(number: Int)
    case counterWithoutProfile(number: Int)
    /// The counter still holds a ticket: close, park or transfer it before calling another.
    case counterBusy(counter: Int, number: String, state: TicketState)
    case unknownTicketNumber(number: String, day: LocalDay)
    case unknownTicket(id: Int64)
    case ticketOfAnotherDay(number: String, day: LocalDay)
    /// A call sent as a plain transition: calls go through `claim`, which sets the token.
    case callNeedsClaim(number: String)
    case invalidConfiguration(problems: [String])
    case rule(QueueRuleError)
    case officeDay(OfficeDayError)
    /// The central side could not be reached or failed; the operation may be retried.
    case unavailable(reason: String)

    public var description: String {
        switch self {
        case let .unknownService(code): "Servizio sconosciuto: \(code)"
        case let .serviceClosed(message): message
        case let .unknownPriority(code, known):
            "Categoria di priorità sconosciuta: \(code) (ammesse: \(known.joined(separator: ", ")))"
        case let .unknownCounter(number): "Sportello \(number) inesistente"
        case let .counterWithoutProfile(number):
            "Lo sportello \(number) non ha un profilo: non può chiamare biglietti"
        case let .counterBusy(counter, number, state):
            "Lo sportello \(counter) ha ancora il biglietto \(number) (\(state.italianName)): "
                + "chiuderlo, sospenderlo o trasferirlo prima di chiamarne un altro"
        case let .unknownTicketNumber(number, day):
            "Il biglietto \(number) non esiste oggi (\(Self.italianDate(day)))"
        case let .unknownTicket(id): "Biglietto \(id) inesistente"
        case let .ticketOfAnotherDay(number, day):
            "Il biglietto \(number) è del \(Self.italianDate(day)): non si può più usare"
        case let .callNeedsClaim(number):
            "Il biglietto \(number) si chiama solo con la chiamata dello sportello"
        case let .invalidConfiguration(problems):
            "Configurazione della coda non valida: \(problems.joined(separator: "; "))"
        case let .rule(error): error.description
        case let .officeDay(error): error.description
        case let .unavailable(reason): "Centrale non disponibile: \(reason)"
        }
    }

    public var errorDescription: String? { description }

    static func italianDate(_ day: LocalDay) -> String {
        "\(String(day.day).leftPadded(to: 2))/\(String(day.month).leftPadded(to: 2))/\(day.year)"
    }
}
