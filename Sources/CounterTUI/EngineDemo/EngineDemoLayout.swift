/// Where the demo's parts go for a terminal size (shared by update, for page sizes, and view).
public struct EngineDemoLayout: Sendable {
    public let header: Rect
    public let form: Rect
    public let people: Rect
    public let message: Rect
    public let keys: Rect

    public init(size: TerminalSize) {
        let screen = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        let rows = Layout.split(screen, .rows, [.fixed(1), .min(3), .fixed(1), .fixed(1)])
        let columns = Layout.split(rows[1], .columns, [.percent(45), .min(20)])
        header = rows[0]
        form = columns[0]
        people = columns[1]
        message = rows[2]
        keys = rows[3]
    }

    /// Rows of the people table below its heading.
    public var visiblePeople: Int { max(1, people.height - 3) }
}
