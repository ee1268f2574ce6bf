/// One problem in a configuration file, with the line it is on (nil when the problem is a
/// missing key, which has no line).
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    public let line: Int?
    public let message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        let text = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let line { return "riga \(line): \(text)" }
        return text
    }
}
