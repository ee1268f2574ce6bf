/// A configuration file the program refuses: every problem found, each with its line.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let issues: [ConfigIssue]

    public var description: String {
        "\(path): " + issues.map(\.description).joined(separator: "; ")
    }
}
