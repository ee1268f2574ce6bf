/// Why a whole file cannot be read as CSV. Problems of single rows are not errors: they
/// are reported per row and the rest of the file is read.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    /// Bytes that no text file contains (NUL, control characters): a binary file.
    case notCSV(offset: Int)
    /// A UTF-16 or other encoding recognised by its byte-order mark but not accepted.
    case unsupportedEncoding(String)
    /// A file that declares UTF-8 (byte-order mark) but is not.
    case invalidUTF8(offset: Int)
    /// Neither UTF-8 nor Windows-1252.
    case unknownEncoding(offset: Int)
    /// Several header columns with the same name.
    case duplicatedHeader(name: String, columns: [Int])
    /// Two header columns that mean the same field.
    case sameFieldTwice(field: String, columns: [Int])
    /// No surname and name columns.
    case missingNameColumns(found: [String])

    public var description: String {
        switch self {
        case .empty:
            "il file è vuoto"
        case .notCSV(let offset):
            "non è un file CSV: contiene dati binari (byte \(offset + 1))"
        case .unsupportedEncoding(let name):
            "codifica \(name) non supportata: salvare il file come CSV UTF-8 o Windows-1252"
        case .invalidUTF8(let offset):
            "il file dichiara la codifica UTF-8 ma non è UTF-8 valido (byte \(offset + 1))"
        case .unknownEncoding(let offset):
            "codifica sconosciuta: il file non è né UTF-8 né Windows-1252 (byte \(offset + 1))"
        case .duplicatedHeader(let name, let columns):
            "intestazione duplicata: «\(name)» compare nelle colonne \(Self.list(columns))"
        case .sameFieldTwice(let field, let columns):
            "le colonne \(Self.list(columns)) indicano lo stesso campo (\(field))"
        case .missingNameColumns(let found):
            "mancano le colonne del cognome e del nome (intestazioni trovate: \(found.isEmpty ? "nessuna" : found.joined(separator: ", ")))"
        }
    }

    private static func list(_ columns: [Int]) -> String {
        let names = columns.map(String.init)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " e " + names[names.count - 1]
    }
}
