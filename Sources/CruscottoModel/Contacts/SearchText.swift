import Foundation

/// Folding and keys for contact search, shared by the index writer and the query side so
/// the two can never disagree.
public enum SearchText {
    /// Lower case without diacritics: "Niccolò" → "niccolo", whether the input is composed
    /// (NFC) or decomposed (NFD). Letters that do not decompose are spelled out (ß → ss,
    /// ø → o, ł → l, æ → ae, œ → oe, đ → d); typographic apostrophes become `'`.
    /// Punctuation and spaces are kept: keys are cut from the folded text.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII, the common case: lower-case letters by arithmetic.
                folded.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if value >= 0x0300 && value <= 0x036F {
                continue // combining diacritical marks of NFD input
            } else if value >= latinFirst && value <= latinLast {
                folded.append(contentsOf: latinTable[Int(value - latinFirst)].unicodeScalars)
            } else {
                folded.append(contentsOf: foldSlowly(scalar).unicodeScalars)
            }
        }
        return String(folded)
    }

    /// Latin-1 Supplement and Latin Extended-A/B (À…ɏ): every accented letter of Italian and
    /// of most European names, folded once and then looked up.
    private static let latinFirst: UInt32 = 0x00C0
    private static let latinLast: UInt32 = 0x024F
    private static let latinTable: [String] = (latinFirst...latinLast).map { value in
        Unicode.Scalar(value).map(foldSlowly) ?? ""
    }

    private static func foldSlowly(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "’", "‘", "ʼ", "`", "´", "′": return "'"
        case "ß": return "ss"
        case "ø", "Ø": return "o"
        case "ł", "Ł": return "l"
        case "đ", "Đ": return "d"
        case "æ", "Æ": return "ae"
        case "œ", "Œ": return "oe"
        default: break
        }
        var out = String.UnicodeScalarView()
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: out.append(part)
            }
        }
        return String(out).lowercased()
    }

    /// Letters and digits make words; everything else separates them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Folded words of a name: every run of letters and digits ("D'Angelo" → d, angelo).
    public static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in fold(text).unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    /// The folded name with everything but letters and digits removed ("De Luca" → deluca).
    public static func joinedKey(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in fold(text).unicodeScalars where isWordScalar(scalar) { key.append(scalar) }
        return String(key)
    }

    /// Every key under which a name is indexed: its tokens, then each run of tokens from
    /// one token to the end joined together ("De Luca Bianchi" → de, luca, bianchi,
    /// delucabianchi, lucabianchi). Prefix search over these finds "dangelo" and
    /// "deluca" as well as "d'angelo", "d angelo" and "de luca". Order is stable,
    /// duplicates removed. For an FTS5 column, join them with spaces.
    public static func nameKeys(_ text: String) -> [String] {
        nameKeys(tokens: tokens(text))
    }

    /// The same keys from the name's `tokens` (ranking folds each name once).
    static func nameKeys(tokens words: [String]) -> [String] {
        var keys: [String] = []
        var seen = Set<String>()
        func add(_ key: String) {
            if !key.isEmpty, seen.insert(key).inserted { keys.append(key) }
        }
        words.forEach(add)
        if words.count > 1 {
            for start in 0..<(words.count - 1) {
                add(words[start...].joined())
            }
        }
        return keys
    }

    /// Tokens of a typed query: split on spaces, commas and hyphens only, with apostrophes
    /// and other punctuation joined inside the token, so "d'angelo" asks for the selective
    /// key "dangelo" instead of the one-letter prefix "d".
    public static func queryTokens(_ text: String) -> [String] {
        fold(text)
            .split { $0.isWhitespace || $0 == "," || $0 == "-" || $0 == ";" || $0 == "/" }
            .map { part in String(String.UnicodeScalarView(part.unicodeScalars.filter(isWordScalar))) }
            .filter { !$0.isEmpty }
    }
}
