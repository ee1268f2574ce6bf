/// Why an exchange with the central side was refused as a whole, in Italian.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The central schema differs from the one the station's program was built for.
    case centralSchemaMismatch(central: Int, station: Int)
    /// The station's store is older than the central side serves.
    case storeSchemaTooOld(store: Int, minimum: Int)
    /// The central side does not answer (network, server down…).
    case unreachable(String)
    /// The central side answered something the station cannot read.
    case badAnswer(String)
    /// A dead letter, conflict or action that does not exist or is already resolved.
    case notFound(String)
    case alreadyResolved(String)
    /// A dead letter whose data still cannot be read.
    case stillUnreadable(String)
    case missingReason
    /// The station's position is below the change log's floor (pruned): it must reset from
    /// a snapshot of the registry.
    case behindRetention(position: Int64, floor: Int64)
    /// A prune asked with a number of days out of range.
    case invalidKeepDays(Int)
    /// A PostgreSQL station role asked for an administrator's operation.
    case notAdministrator(String)

    public var description: String {
        switch self {
        case .centralSchemaMismatch(let central, let station) where central > station:
            "il database centrale ha lo schema \(central), più recente di quello di questo programma (\(station)): aggiornare sportello-tui"
        case .centralSchemaMismatch(let central, let station):
            "il database centrale ha lo schema \(central), più vecchio di quello di questo programma (\(station)): eseguire sportello-tui central migrate"
        case .storeSchemaTooOld(let store, let minimum):
            "l'archivio locale ha lo schema \(store): il database centrale richiede almeno lo schema \(minimum); aggiornare sportello-tui su questa postazione"
        case .unreachable(let reason): "database centrale non raggiungibile: \(reason)"
        case .badAnswer(let reason): "risposta non valida dal database centrale: \(reason)"
        case .notFound(let what): "\(what) non trovato"
        case .alreadyResolved(let what): "\(what) è già stato risolto"
        case .stillUnreadable(let reason): "i dati non sono ancora leggibili: \(reason)"
        case .missingReason: "indicare il motivo con --reason"
        case .behindRetention(let position, let floor):
            "la posizione ricevuta \(position) è più vecchia del registro delle modifiche conservato (dalla posizione \(floor)): serve un ripristino dall'istantanea"
        case .invalidKeepDays(let days):
            "giorni da conservare non validi: \(days) (da 0 a \(SyncRetention.maximumKeepDays))"
        case .notAdministrator(let reason):
            "operazione riservata al proprietario del database centrale (usare --url con il suo utente): \(reason)"
        }
    }
}
