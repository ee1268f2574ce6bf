/// Splits a SQL script into statements for a protocol that runs one statement per query
/// (postgres-nio's extended protocol). Semicolons end a statement only outside quotes and
/// comments: single-quoted strings (with `''`, and `E'…'` with backslash escapes), quoted
/// identifiers, dollar-quoted bodies with or without a tag (`$$…$$`, `$fn$…$fn$`, which may
/// contain other tags and semicolons), `--` line comments and nested `/* */` comments.
/// Statements are returned trimmed, without the final semicolon; comment-only pieces are dropped.
public enum SQLStatementSplitter {
    public enum SplitError: Error, Equatable, CustomStringConvertible {
        case unterminated(what: String, line: Int)

        public var description: String {
            switch self {
            case let .unterminated(what, line): "\(what) non chiuso (aperto alla riga \(line))"
            }
        }
    }

    public static func split(_ script: String) throws(SplitError) -> [String] {
        let chars = Array(script.unicodeScalars)
        var statements: [String] = []
        var start = 0
        var hasCode = false
        var i = 0
        var line = 1

        func flush(upTo end: Int) {
            if hasCode {
                var text = String(String.UnicodeScalarView(chars[start..<end]))
                text = text.trimmingSQLWhitespace()
                if !text.isEmpty { statements.append(text) }
            }
            hasCode = false
        }

        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "\n":
                line += 1
                i += 1
            case "-" where next == "-":
                while i < chars.count, chars[i] != "\n" { i += 1 }
            case "/" where next == "*":
                let opened = line
                var depth = 0
                repeat {
                    if i + 1 < chars.count, chars[i] == "/", chars[i + 1] == "*" {
                        depth += 1
                        i += 2
                    } else if i + 1 < chars.count, chars[i] == "*", chars[i + 1] == "/" {
                        depth -= 1
                        i += 2
                    } else {
                        if chars[i] == "\n" { line += 1 }
                        i += 1
                    }
                } while depth > 0 && i < chars.count
                if depth > 0 { throw .unterminated(what: "commento /* */", line: opened) }
            case "'":
                hasCode = true
                let escapes = i > 0 && (chars[i - 1] == "E" || chars[i - 1] == "e")
                    && (i < 2 || !isIdentifierScalar(chars[i - 2]))
                i = try skipQuoted(chars, from: i, quote: "'", backslashEscapes: escapes, line: &line)
            case "\"":
                hasCode = true
                i = try skipQuoted(chars, from: i, quote: "\"", backslashEscapes: false, line: &line)
            case "$":
                hasCode = true
                if let tagEnd = dollarTagEnd(chars, at: i), i == 0 || !isIdentifierScalar(chars[i - 1]) {
                    let tag = Array(chars[i...tagEnd])
                    let opened = line
                    var j = tagEnd + 1
                    var closed = false
                    while j < chars.count {
                        if chars[j] == "$", j + tag.count <= chars.count, Array(chars[j..<(j + tag.count)]) == tag {
                            j += tag.count
                            closed = true
                            break
                        }
                        if chars[j] == "\n" { line += 1 }
                        j += 1
                    }
                    if !closed { throw .unterminated(what: "blocco \(String(String.UnicodeScalarView(tag)))", line: opened) }
                    i = j
                } else {
                    i += 1
                }
            case ";":
                flush(upTo: i)
                i += 1
                start = i
            default:
                if !c.properties.isWhitespace { hasCode = true }
                i += 1
            }
        }
        flush(upTo: chars.count)
        return statements
    }

    /// The index of the closing `$` of a dollar-quote tag opening at `index` (`$$` or `$tag$`),
    /// nil when `$` does not open one here (a parameter like `$1`).
    private static func dollarTagEnd(_ chars: [Unicode.Scalar], at index: Int) -> Int? {
        var j = index + 1
        while j < chars.count {
            let c = chars[j]
            if c == "$" { return j }
            let first = j == index + 1
            if c == "_" || c.properties.isAlphabetic || (!first && ("0"..."9").contains(c)) {
                j += 1
            } else {
                return nil
            }
        }
        return nil
    }

    private static func skipQuoted(
        _ chars: [Unicode.Scalar], from index: Int, quote: Unicode.Scalar, backslashEscapes: Bool, line: inout Int
    ) throws(SplitError) -> Int {
        let opened = line
        var j = index + 1
        while j < chars.count {
            let c = chars[j]
            if c == "\n" { line += 1 }
            if backslashEscapes, c == "\\" {
                j += 2
                continue
            }
            if c == quote {
                if j + 1 < chars.count, chars[j + 1] == quote {
                    j += 2
                    continue
                }
                return j + 1
            }
            j += 1
        }
        throw .unterminated(what: quote == "'" ? "stringa" : "identificatore tra virgolette", line: opened)
    }

    private static func isIdentifierScalar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}

extension String {
    fileprivate func trimmingSQLWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
