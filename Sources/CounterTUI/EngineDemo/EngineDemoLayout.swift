/// Where the demo's parts go for a terminal size (shared by update, for page sizes, and view).
public struct EngineDemoLayout: Sendable {
    public let header: Rect
    public let form: Rect
    public let people: Rect
    /// The log of recent actions, on terminals tall enough for it (empty otherwise).
    public let actions: Rect
    public let message: Rect
    public let keys: Rect

    public init(size: TerminalSize) {
        let screen = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        let rows = Layout.split(screen, .rows, [.fixed(1), .min(3), .fixed(1), .fixed(1)])
        let columns = Layout.split(rows[1], .columns, [.percent(45), .min(20)])
        header = rows[0]
        // The form needs 21 rows; taller terminals get the action log under it.
        if columns[0].height >= 28 {
            let left = Layout.split(columns[0], .rows, [.fixed(21), .min(7)])
            form = left[0]
            actions = left[1]
        } else {
            form = columns[0]
            actions = Rect(x: columns[0].x, y: columns[0].maxY, width: columns[0].width, height: 0)
        }
        people = columns[1]
        message = rows[2]
        keys = rows[3]
    }

    /// Rows of the people table below its heading.
    public var visiblePeople: Int { max(1, people.height - 3) }
}
