import Foundation

/// Why a store, central database, home or backup cannot be used. Every case has a one-line
/// Italian message a person can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notADatabase(path: String)
    case foreignDatabase(path: String, expected: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case missing(path: String)
    case unwritable(path: String, reason: String)
    case alreadyInitialized(home: String)
    case notInitialized(home: String)
    /// The operation works on the embedded central file only; the station uses PostgreSQL.
    case notEmbeddedCentral(url: String)
    /// The PostgreSQL central database refused or could not be reached.
    case postgres(PostgresCentralError)
    case centralUnavailable(path: String, reason: String)
    case stationBusy(home: String)
    case stationMismatch(backup: String, configured: String)
    case operatorExists(String)
    case operatorUnknown(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            "\(path) non è un archivio di Sportello TUI (non è un database SQLite): file lasciato intatto"
        case .foreignDatabase(let path, let expected):
            "\(path) è un database SQLite ma non \(expected) di Sportello TUI: file lasciato intatto"
        case .newerSchema(let path, let found, let supported):
            "\(path) ha lo schema versione \(found), più recente di quella gestita da questo programma (\(supported)): aggiornare sportello-tui; file lasciato intatto"
        case .missing(let path):
            "\(path) non esiste"
        case .unwritable(let path, let reason):
            "impossibile scrivere in \(path): \(reason)"
        case .alreadyInitialized(let home):
            "la stazione in \(home) è già inizializzata: usare --force per ricrearla"
        case .notInitialized(let home):
            "nessuna stazione in \(home): eseguire prima 'sportello-tui init'"
        case .notEmbeddedCentral(let url):
            "la stazione usa il database centrale PostgreSQL (\(Self.redacted(url))): questa operazione vale solo per il file centrale (sqlite:///…)"
        case .postgres(let error):
            error.description
        case .centralUnavailable(let path, let reason):
            "database centrale \(path) non disponibile: \(reason)"
        case .stationBusy(let home):
            "una sessione di sportello-tui è in uso in \(home): chiuderla prima di procedere"
        case .stationMismatch(let backup, let configured):
            "la copia appartiene alla stazione \(backup), non a \(configured): ripristino rifiutato"
        case .operatorExists(let username):
            "l'operatore \(username) esiste già"
        case .operatorUnknown(let username):
            "operatore \(username) sconosciuto"
        case .invalid(let message):
            message
        }
    }

    /// Hides the password of a URL written in a message.
    static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
