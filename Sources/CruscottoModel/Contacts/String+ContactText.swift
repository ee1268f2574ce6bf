extension String {
    /// Without leading and trailing spaces and line ends.
    var trimmed: String {
        // Fast path: the first and last bytes are visible ASCII, nothing to trim.
        if let first = utf8.first, let last = utf8.last,
           first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}

extension Character {
    /// 0–9 only (`isNumber` alone also accepts other scripts' digits and fractions).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
