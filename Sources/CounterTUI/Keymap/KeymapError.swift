/// A keymap refused with every problem found, not only the first, in file and line order.
public struct KeymapError: Error, Sendable, CustomStringConvertible {
    public let issues: [KeymapIssue]

    public init(issues: [KeymapIssue]) {
        self.issues = issues.enumerated().sorted { lhs, rhs in
            (lhs.element.file, lhs.element.line ?? Int.max, lhs.offset)
                < (rhs.element.file, rhs.element.line ?? Int.max, rhs.offset)
        }.map(\.element)
    }

    /// One line per issue, e.g. `keymaps/x.toml:12: chiave "S-F1": …`.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
