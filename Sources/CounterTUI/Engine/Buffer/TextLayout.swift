/// Cutting and padding text by display width (never by bytes or Characters).
public enum TextLayout {
    public static let ellipsis = "…"

    /// The longest prefix that fits in `width` columns; a wide glyph that would be cut is
    /// dropped and the gap padded with a space, so the result is exactly as wide as it fits.
    public static func truncate(_ text: some StringProtocol, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return text.utf8.count <= width ? String(text) : String(text.prefix(width))
        }
        var result = ""
        var used = 0
        for character in text {
            let glyph = Glyph(character)
            if used + glyph.width > width {
                if used < width { result += String(repeating: " ", count: width - used) }
                return result
            }
            result += glyph.text
            used += glyph.width
        }
        return result
    }

    /// Like `truncate`, but ends with "…" when text was cut.
    public static func truncate(_ text: some StringProtocol, toWidth width: Int, ellipsis: Bool) -> String {
        guard ellipsis, DisplayWidth.of(text) > width else { return truncate(text, toWidth: width) }
        guard width > 1 else { return truncate(Self.ellipsis, toWidth: width) }
        let head = truncate(text, toWidth: width - 1)
        var trimmed = head
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed + Self.ellipsis
    }

    /// Text padded with spaces (or cut) to exactly `width` columns, aligned left or right.
    public static func pad(_ text: some StringProtocol, toWidth width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, toWidth: width, ellipsis: true)
        let gap = max(0, width - DisplayWidth.of(cut))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + cut : cut + spaces
    }
}
