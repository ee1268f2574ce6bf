/// Display width as terminals really lay text out: glibc `wcwidth` semantics from compiled
/// tables (never the process locale), applied per grapheme cluster.
public enum DisplayWidth {
    /// Columns of one code point: 0, 1 or 2, or -1 when it is not printable.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if contains(GlibcWidthTables.zeroWidth, value) { return 0 }
        if contains(GlibcWidthTables.wide, value) { return 2 }
        if contains(GlibcWidthTables.nonPrintable, value) { return -1 }
        return 1
    }

    /// Columns the text takes once each grapheme is laid out as a `ScreenBuffer` cell would be
    /// (fallback glyphs included).
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += Glyph(character).width }
        return total
    }

    static func contains(_ table: [(UInt32, UInt32)], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = table[middle]
            if value < range.0 {
                high = middle - 1
            } else if value > range.1 {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
