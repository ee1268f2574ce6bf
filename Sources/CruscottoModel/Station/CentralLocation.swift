/// Where the office's central database lives, as written in `central = "…"`.
public enum CentralLocation: Sendable, Equatable {
    /// The embedded SQLite file (absolute path).
    case sqlite(path: String)
    /// A PostgreSQL server (the URL as written, credentials included).
    case postgresql(url: String)

    /// Parses `sqlite:///ABSOLUTE/PATH` or `postgresql://…` (`postgres://` too).
    /// Anything else fails with an Italian reason.
    public static func parse(_ text: String) -> Result<CentralLocation, CentralLocationError> {
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard path.hasPrefix("/"), path.count > 1, !path.hasSuffix("/") else {
                return .failure(CentralLocationError(
                    message: "percorso del database centrale non valido: serve sqlite:///PERCORSO/ASSOLUTO"))
            }
            return .success(.sqlite(path: path))
        }
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") {
            return .success(.postgresql(url: text))
        }
        return .failure(CentralLocationError(
            message: "indirizzo del database centrale non riconosciuto (usa sqlite:///PERCORSO o postgresql://…)"))
    }

    /// The text form written in `sportello.toml`.
    public var urlString: String {
        switch self {
        case .sqlite(let path): "sqlite://" + path
        case .postgresql(let url): url
        }
    }
}
