/// A CSV row that was not imported, with the physical line it starts on and why.
public struct ContactImportRejection: Hashable, Sendable, Error, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "riga \(line): \(reason)" }
}
