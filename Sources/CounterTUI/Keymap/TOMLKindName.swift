import TOMLKit

/// Italian names of TOML value kinds, for messages about a value of the wrong kind.
enum TOMLKindName {
    static func italian(_ type: TOMLType) -> String {
        switch type {
        case .table: return "una tabella"
        case .array: return "un elenco"
        case .string: return "un testo"
        case .int: return "un numero intero"
        case .double: return "un numero decimale"
        case .bool: return "un valore vero/falso"
        case .date: return "una data"
        case .time: return "un orario"
        case .dateTime: return "una data e ora"
        }
    }
}
