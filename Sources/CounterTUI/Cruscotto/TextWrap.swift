/// Word wrapping by display width, for the short texts of panels and dialogs.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { result.append(current) }
                current = DisplayWidth.of(word) <= width ? String(word) : TextLayout.truncate(word, toWidth: width, ellipsis: true)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
