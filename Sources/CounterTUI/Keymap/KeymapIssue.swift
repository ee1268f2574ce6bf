/// One problem found in a keymap file, located by file, line and key as written.
public struct KeymapIssue: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line, nil when the problem belongs to the file as a whole.
    public let line: Int?
    /// The key name as written in the file, nil when the problem is not about one key.
    public let key: String?
    /// Italian explanation for operators and administrators.
    public let message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `FILE:LINE: chiave "KEY": MESSAGE`, with the parts that are unknown left out.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "chiave \(key.keymapQuoted): " }
        return text + message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
