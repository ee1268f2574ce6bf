import CruscottoModel

/// Refusals of the offline queue, in Italian.
public enum OfflineQueueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No queue configuration was ever read from the central side at this station.
    case noConfiguration
    /// No reserved number is left for the prefix today.
    case exhausted(prefix: String, service: String)

    public var description: String {
        switch self {
        case .noConfiguration:
            "coda non disponibile senza il database centrale: questa postazione non ha mai letto i servizi"
        case let .exhausted(prefix, service):
            "numeri di riserva esauriti: nessun numero \(prefix) (\(service)) per oggi su questa postazione, "
                + "si riprende quando il database centrale torna raggiungibile"
        }
    }
}
