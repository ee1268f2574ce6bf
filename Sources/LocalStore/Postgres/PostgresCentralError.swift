import Foundation

/// Why the PostgreSQL central database cannot be used, in Italian, with the password never shown.
public enum PostgresCentralError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case invalidURL(String, reason: String)
    case passwordFileUnreadable(path: String)
    /// A password file that others can read is refused.
    case passwordFileTooOpen(path: String, mode: String)
    case passwordEnvironmentMissing(name: String)
    case tlsFile(path: String, reason: String)
    case unreachable(host: String, port: Int, reason: String)
    case authenticationFailed(user: String)
    case unsupportedServer(version: String)
    /// The central schema is newer than this program can read.
    case schemaTooNew(central: Int, known: Int)
    case schemaMissing
    case migrationFailed(name: String, statement: Int, message: String)
    case migrationChanged(name: String)
    case server(message: String)

    public var description: String {
        switch self {
        case let .invalidURL(url, reason): "URL del database centrale non valido (\(url)): \(reason)"
        case let .passwordFileUnreadable(path): "file della password non leggibile: \(path)"
        case let .passwordFileTooOpen(path, mode):
            "file della password leggibile da altri (permessi \(mode)): \(path); usare chmod 600"
        case let .passwordEnvironmentMissing(name): "variabile d'ambiente della password non impostata: \(name)"
        case let .tlsFile(path, reason): "certificato TLS non utilizzabile (\(path)): \(reason)"
        case let .unreachable(host, port, reason): "database centrale non raggiungibile (\(host):\(port)): \(reason)"
        case let .authenticationFailed(user): "accesso al database centrale rifiutato per l'utente \(user): password errata o utente sconosciuto"
        case let .unsupportedServer(version):
            "il server del database centrale è PostgreSQL \(version): è richiesto PostgreSQL 15"
        case let .schemaTooNew(central, known):
            "il database centrale ha lo schema \(central), più recente di quello di questo programma (\(known)): aggiornare sportello-tui"
        case .schemaMissing: "il database centrale non è inizializzato: eseguire sportello-tui central init"
        case let .migrationFailed(name, statement, message):
            "migrazione \(name) fallita all'istruzione \(statement): \(message) (nessuna modifica applicata)"
        case let .migrationChanged(name):
            "la migrazione \(name) applicata al database centrale è diversa da quella di questo programma"
        case let .server(message): "errore del database centrale: \(message)"
        }
    }

    public var errorDescription: String? { description }
}
