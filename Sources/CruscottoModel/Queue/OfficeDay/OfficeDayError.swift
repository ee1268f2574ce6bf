import Foundation

/// An office-day operation the rules refuse, with the reason in Italian.
public enum OfficeDayError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    case alreadyOpen(day: LocalDay)
    case notOpen(day: LocalDay)
    case alreadyClosed(day: LocalDay)
    case wrongDay(day: LocalDay, instant: LocalDay)
    case counterTaken(counter: Int, operatorID: String)
    case operatorElsewhere(operatorID: String, counter: Int)
    case counterNotStaffed(counter: Int)
    case alreadyPaused(counter: Int, reason: String)
    case notPaused(counter: Int)
    case alreadyBusy(counter: Int)
    case notBusy(counter: Int)
    case timeGoesBack(counter: Int)

    public var description: String {
        switch self {
        case let .alreadyOpen(day): "L'ufficio è già aperto (giornata \(day))"
        case let .notOpen(day): "L'ufficio non è aperto (giornata \(day))"
        case let .alreadyClosed(day): "La giornata \(day) è già chiusa"
        case let .wrongDay(day, instant): "L'orario indicato è del \(instant), non della giornata \(day)"
        case let .counterTaken(counter, op): "Allo sportello \(counter) c'è già l'operatore \(op)"
        case let .operatorElsewhere(op, counter): "L'operatore \(op) è già allo sportello \(counter)"
        case let .counterNotStaffed(counter): "Allo sportello \(counter) non c'è nessun operatore"
        case let .alreadyPaused(counter, reason): "Lo sportello \(counter) è già in pausa (\(reason))"
        case let .notPaused(counter): "Lo sportello \(counter) non è in pausa"
        case let .alreadyBusy(counter): "Lo sportello \(counter) sta già servendo un biglietto"
        case let .notBusy(counter): "Lo sportello \(counter) non ha biglietti in corso"
        case let .timeGoesBack(counter): "Evento dello sportello \(counter) anteriore all'ultimo registrato"
        }
    }

    public var errorDescription: String? { description }
}
