import Foundation

/// Folds a place or person name to a search key: accents removed, upper case, every run of
/// non-alphanumeric characters (spaces, apostrophes, dashes, dots) turned into one space.
/// "Forlì", "FORLI'" and "forli" all give "FORLI"; "Sant'Angelo" and "Sant Angelo" agree.
public enum NameKey {
    public static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if let letters = fold(scalar) {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(contentsOf: letters.unicodeScalars)
            } else if isCombiningMark(scalar) {
                continue
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The same key built on bytes when the text is plain ASCII (most names); nil otherwise.
    private static func makeASCII(_ text: String) -> String? {
        let utf8 = text.utf8
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        var ok = true
        for var b in utf8 {
            if b >= 0x80 { ok = false; break }
            if b >= 97 && b <= 122 { b -= 32 }
            if (b >= 65 && b <= 90) || (b >= 48 && b <= 57) {
                if pendingSpace && !out.isEmpty { out.append(32) }
                pendingSpace = false
                out.append(b)
            } else {
                pendingSpace = true
            }
        }
        return ok ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Only the letters of a name, folded to A–Z (for codice fiscale rules: "D'Angelo" → "DANGELO").
    public static func letters(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let folded = fold(scalar) else { continue }
            for s in folded.unicodeScalars where s.value >= 65 && s.value <= 90 { out.append(s) }
        }
        return String(out)
    }

    private static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(s.value)
    }

    /// Upper-case ASCII for a letter or digit (several letters for ß, Æ…), nil for anything else.
    private static func fold(_ s: Unicode.Scalar) -> String? {
        let v = s.value
        if v < 128 {
            if v >= 97 && v <= 122 { return String(Unicode.Scalar(UInt8(v - 32))) }
            if (v >= 65 && v <= 90) || (v >= 48 && v <= 57) { return String(Unicode.Scalar(UInt8(v))) }
            return nil
        }
        switch s {
        case "ß": return "SS"
        case "æ", "Æ": return "AE"
        case "œ", "Œ": return "OE"
        case "ø", "Ø": return "O"
        case "đ", "Đ": return "D"
        case "ł", "Ł": return "L"
        default: break
        }
        guard s.properties.isAlphabetic else { return nil }
        // Canonical decomposition leaves the base letter first; the marks are dropped.
        let decomposed = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = decomposed.first, base.value < 128 else {
            return String(s).uppercased()
        }
        return fold(base)
    }
}
