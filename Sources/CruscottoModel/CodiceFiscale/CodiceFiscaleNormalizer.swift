/// Input clean-up shared by every codice fiscale entry point: upper case, and spaces, tabs,
/// dashes and dots removed ("rss-mra 80a01 h501u" → "RSSMRA80A01H501U").
public enum CodiceFiscaleNormalizer {
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case " ", "\t", "\n", "\r", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{00A0}", ".":
                continue
            default:
                if s.value >= 97 && s.value <= 122 {
                    out.append(Unicode.Scalar(UInt8(s.value - 32)))
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }
}
