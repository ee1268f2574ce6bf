/// Why a real terminal could not be opened; `message` is for the operator.
public enum TerminalFailure: Error, Equatable {
    case notUTF8(codeset: String)
    case cannotOpen
    case notATerminal

    public var message: String {
        switch self {
        case .notUTF8(let codeset):
            return "il terminale non usa UTF-8 (codifica \(codeset.isEmpty ? "sconosciuta" : codeset)): impostare per esempio LANG=C.UTF-8"
        case .cannotOpen:
            return "impossibile aprire il terminale (variabile TERM corretta?)"
        case .notATerminal:
            return "l'ingresso o l'uscita non è un terminale"
        }
    }
}
