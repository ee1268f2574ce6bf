/// Where the station screens' parts go for a terminal size: header, body, message line,
/// function-key bar; in the cruscotto body the queue column on the left and citizen, service
/// and worklist stacked on the right. Larger terminals give the panels the extra room.
public struct CruscottoLayout: Sendable {
    public let header: Rect
    public let body: Rect
    public let message: Rect
    public let keys: Rect
    public let queue: Rect
    public let citizen: Rect
    public let service: Rect
    public let worklist: Rect

    public init(size: TerminalSize) {
        let screen = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        let rows = Layout.split(screen, .rows, [.fixed(1), .min(3), .fixed(1), .fixed(1)])
        header = rows[0]
        body = rows[1]
        message = rows[2]
        keys = rows[3]
        let queueWidth = max(23, body.width * 28 / 100)
        let columns = Layout.split(body, .columns, [.fixed(queueWidth), .min(20)])
        queue = columns[0]
        let citizenHeight = body.height >= 30 ? 10 : 8
        let right = Layout.split(columns[1], .rows, [.fixed(citizenHeight), .min(5), .min(5)])
        citizen = right[0]
        service = right[1]
        worklist = right[2]
    }

    /// The right column (citizen, service, worklist): where the contact screens go, so the
    /// queue stays in view.
    public var contactsArea: Rect {
        Rect(x: citizen.x, y: citizen.y, width: citizen.width, height: worklist.maxY - citizen.y)
    }

    public func rect(of panel: CruscottoPanelID) -> Rect {
        switch panel {
        case .queue: queue
        case .citizen: citizen
        case .service: service
        case .worklist: worklist
        }
    }
}
