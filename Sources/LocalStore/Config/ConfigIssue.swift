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

/// A configuration file the program refuses: every problem found, each with its line.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let issues: [ConfigIssue]

    public var description: String {
        "\(path): " + issues.map(\.description).joined(separator: "; ")
    }
}
