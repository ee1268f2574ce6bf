/// Columns × rows of a terminal.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest terminal every screen supports.
    public static let minimum = TerminalSize(columns: 80, rows: 24)

    public var isBelowMinimum: Bool { columns < Self.minimum.columns || rows < Self.minimum.rows }

    public var description: String { "\(columns)×\(rows)" }
}
