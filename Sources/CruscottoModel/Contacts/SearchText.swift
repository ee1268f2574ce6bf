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
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                break
            }
            switch scalar {
            case "’", "‘", "ʼ", "`", "´", "′": folded.append("'")
            case "ß": folded.append(contentsOf: "ss".unicodeScalars)
            case "ø", "Ø": folded.append("o")
            case "ł", "Ł": folded.append("l")
            case "đ", "Đ": folded.append("d")
            case "æ", "Æ": folded.append(contentsOf: "ae".unicodeScalars)
            case "œ", "Œ": folded.append(contentsOf: "oe".unicodeScalars)
            default:
                folded.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(folded)
    }

    /// Folded words of a name: every run of letters and digits ("D'Angelo" → d, angelo).
    public static func tokens(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The folded name with everything but letters and digits removed ("De Luca" → deluca).
    public static func joinedKey(_ text: String) -> String {
        String(fold(text).filter { $0.isLetter || $0.isNumber })
    }

    /// Every key under which a name is indexed: its tokens, then each run of tokens from
    /// one token to the end joined together ("De Luca Bianchi" → de, luca, bianchi,
    /// delucabianchi, lucabianchi). Prefix search over these finds "dangelo" and
    /// "deluca" as well as "d'angelo", "d angelo" and "de luca". Order is stable,
    /// duplicates removed. For an FTS5 column, join them with spaces.
    public static func nameKeys(_ text: String) -> [String] {
        let words = tokens(text)
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
            .map { String($0.filter { $0.isLetter || $0.isNumber }) }
            .filter { !$0.isEmpty }
    }
}
