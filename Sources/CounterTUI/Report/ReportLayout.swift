/// Where the report screen's parts go: header row, page tabs, the page in a box, message
/// line, function-key bar.
struct ReportLayout {
    let header: Rect
    let tabs: Rect
    let box: Rect
    let body: Rect
    let message: Rect
    let keys: Rect

    init(size: TerminalSize) {
        let rows = Layout.split(Rect(x: 0, y: 0, width: size.columns, height: size.rows), .rows,
                                [.fixed(1), .fixed(1), .min(3), .fixed(1), .fixed(1)])
        header = rows[0]
        tabs = rows[1]
        box = rows[2]
        body = Rect(x: box.x + 1, y: box.y + 1, width: max(0, box.width - 2), height: max(0, box.height - 2))
        message = rows[3]
        keys = rows[4]
    }

    var bodyRows: Int { body.height }
}
