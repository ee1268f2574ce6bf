/// Where each table header and each key of a TOML document is written.
///
/// TOMLKit reports lines only for syntax errors, so keymap and configuration validation scan
/// the text themselves to point at the line of an offending key. The scan understands table
/// headers, bare/quoted/dotted keys, and skips multi-line strings and arrays; it runs only
/// on text the TOML parser has accepted. Keys inside a one-line inline table resolve to the
/// line of the table's key.
public struct TOMLLineIndex: Sendable {
    private var tableLines: [[String]: Int] = [:]
    private var keyLines: [[String]: Int] = [:]

    public init(text: String) {
        var currentTable: [String] = []
        var skipUntil: String?
        var openBrackets = 0
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = offset + 1
            let line = Substring(rawLine.trimmingWhitespace())
            if let delimiter = skipUntil {
                if line.contains(delimiter) { skipUntil = nil }
                continue
            }
            if openBrackets > 0 {
                openBrackets += TOMLLineIndex.bracketBalance(line)
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let isArrayTable = line.hasPrefix("[[")
                var scanner = KeyScanner(line.dropFirst(isArrayTable ? 2 : 1))
                guard let path = scanner.dottedKey() else { continue }
                currentTable = path
                if tableLines[path] == nil { tableLines[path] = number }
                continue
            }
            var scanner = KeyScanner(line)
            guard let path = scanner.dottedKey(), scanner.consume("=") else { continue }
            let full = currentTable + path
            if keyLines[full] == nil { keyLines[full] = number }
            let value = scanner.rest.trimmingWhitespace()
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { skipUntil = delimiter }
            }
            if value.hasPrefix("[") { openBrackets = TOMLLineIndex.bracketBalance(Substring(value)) }
        }
    }

    /// The line of the key at `path` (table path plus key), falling back to the nearest
    /// enclosing key or table header; nil when nothing of the path is found.
    public func line(of path: [String]) -> Int? {
        var prefix = path
        while !prefix.isEmpty {
            if let line = keyLines[prefix] ?? tableLines[prefix] { return line }
            prefix.removeLast()
        }
        return nil
    }

    /// The line of the header `[path]`, if the table is written with a header.
    public func headerLine(of path: [String]) -> Int? {
        tableLines[path]
    }

    /// The line of a dotted key ("table.key") as configuration files write them.
    public func line(of dottedKey: String) -> Int? {
        line(of: dottedKey.split(separator: ".").map(String.init))
    }

    /// Net count of `[` minus `]` outside strings, for skipping multi-line arrays.
    private static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[": balance += 1
            case "]": balance -= 1
            case "#": return balance
            default: break
            }
        }
        return balance
    }
}

/// Reads TOML keys (bare, "basic" with escapes, 'literal', dotted) from one line.
private struct KeyScanner {
    private var text: Substring

    init(_ text: Substring) {
        self.text = text
    }

    var rest: Substring { text }

    mutating func consume(_ token: Character) -> Bool {
        skipSpaces()
        guard text.first == token else { return false }
        text.removeFirst()
        return true
    }

    mutating func dottedKey() -> [String]? {
        var parts: [String] = []
        repeat {
            skipSpaces()
            guard let part = simpleKey() else { return nil }
            parts.append(part)
            skipSpaces()
        } while consume(".")
        return parts
    }

    private mutating func simpleKey() -> String? {
        guard let first = text.first else { return nil }
        if first == "\"" { return basicString() }
        if first == "'" {
            text.removeFirst()
            guard let end = text.firstIndex(of: "'") else { return nil }
            let value = String(text[..<end])
            text = text[text.index(after: end)...]
            return value
        }
        let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard !bare.isEmpty else { return nil }
        text = text.dropFirst(bare.count)
        return String(bare)
    }

    private mutating func basicString() -> String? {
        text.removeFirst()
        var value = ""
        while let character = text.first {
            text.removeFirst()
            switch character {
            case "\"":
                return value
            case "\\":
                guard let escaped = text.first else { return nil }
                text.removeFirst()
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "b": value.append("\u{8}")
                case "f": value.append("\u{C}")
                case "e": value.append("\u{1B}")
                case "u", "U":
                    let length = escaped == "u" ? 4 : 8
                    let hex = text.prefix(length)
                    text = text.dropFirst(length)
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { return nil }
                    value.unicodeScalars.append(scalar)
                default: value.append(escaped)
                }
            default:
                value.append(character)
            }
        }
        return nil
    }

    private mutating func skipSpaces() {
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    }
}

private extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let trimmedStart = drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex {
            let previous = trimmedStart.index(before: end)
            let character = trimmedStart[previous]
            guard character == " " || character == "\t" || character == "\r" else { break }
            end = previous
        }
        return Substring(trimmedStart[trimmedStart.startIndex..<end])
    }
}
