import Foundation

/// Where each key of a TOML file is written. TOMLKit reports lines only for syntax errors,
/// so the program indexes the text itself to point at a wrong value or an unknown key.
/// It understands what configuration files use: `[table]` and `[[array]]` headers, bare and
/// quoted keys, dotted keys, comments; a key inside a multi-line value is never a key.
struct TOMLLineIndex {
    /// Full dotted key path ("table.key") → 1-based line.
    private(set) var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var inMultiline: String?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let delimiter = inMultiline {
                if line.components(separatedBy: delimiter).count % 2 == 0 { inMultiline = nil }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyPath(String(inner))
                let full = table.joined(separator: ".")
                if lines[full] == nil { lines[full] = number + 1 }
                continue
            }
            guard let equals = Self.assignment(in: line) else { continue }
            let key = Self.keyPath(String(line[..<equals]))
            let full = (table + key).joined(separator: ".")
            if lines[full] == nil { lines[full] = number + 1 }
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if value.components(separatedBy: delimiter).count == 2 { inMultiline = delimiter }
            }
        }
    }

    func line(of keyPath: String) -> Int? { lines[keyPath] }

    /// The `=` that separates key and value, outside quoted key parts.
    private static func assignment(in line: String) -> String.Index? {
        var quote: Character?
        for index in line.indices {
            let char = line[index]
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == "=" {
                return index
            }
        }
        return nil
    }

    /// `a."b.c".d` → ["a", "b.c", "d"].
    private static func keyPath(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for char in text {
            if let open = quote {
                if char == open { quote = nil } else { current.append(char) }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(char)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}
