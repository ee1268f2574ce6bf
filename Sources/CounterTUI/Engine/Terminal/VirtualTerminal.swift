/// An in-memory terminal for tests and benchmarks: set its size, feed keys, and read back what
/// a real screen would show — text of each row, style of each cell, cells written per frame,
/// bells rung. The screen is rebuilt only from the cells the renderer writes, so tests see
/// the effect of the diff, not just the frame.
public final class VirtualTerminal: Terminal {
    public private(set) var size: TerminalSize
    public let events: AsyncStream<TerminalEvent>
    private let continuation: AsyncStream<TerminalEvent>.Continuation
    private var renderer = FrameRenderer()
    public private(set) var screen: ScreenBuffer
    public private(set) var cursor: CursorPosition?
    public private(set) var bellCount = 0
    public private(set) var framesDrawn = 0
    /// Cells written by the latest `draw`.
    public private(set) var cellsWrittenLastFrame = 0
    /// Cells written since creation.
    public private(set) var cellsWrittenTotal = 0

    public init(columns: Int = 80, rows: Int = 24) {
        size = TerminalSize(columns: columns, rows: rows)
        screen = ScreenBuffer(size: size)
        (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
    }

    /// Queues key presses as if typed.
    public func feed(_ keys: Key...) { for key in keys { continuation.yield(.key(key)) } }

    /// Queues key presses as if typed.
    public func feed(_ keys: [Key]) { for key in keys { continuation.yield(.key(key)) } }

    /// Queues typing of text, one key per character.
    public func type(_ text: String) { for character in text { continuation.yield(.key(.character(character))) } }

    /// Changes the size as a window resize would, and reports it.
    public func resize(columns: Int, rows: Int) {
        size = TerminalSize(columns: columns, rows: rows)
        continuation.yield(.resize(size))
    }

    /// Reports a termination request (as SIGTERM would).
    public func sendTerminate() { continuation.yield(.terminate) }

    /// Ends the event stream (no more input).
    public func finishInput() { continuation.finish() }

    public func draw(_ frame: ScreenBuffer) {
        if frame.size != screen.size {
            screen = ScreenBuffer(size: frame.size)
            renderer.invalidate()
        }
        let changes = renderer.render(frame)
        for change in changes {
            screen.put(Glyph(text: change.cell.text, width: Int(change.cell.width)), x: change.x, y: change.y, style: change.cell.style)
        }
        framesDrawn += 1
        cellsWrittenLastFrame = changes.count
        cellsWrittenTotal += changes.count
    }

    public func requestFullRedraw() { renderer.invalidate() }

    public func setCursor(_ position: CursorPosition?) { cursor = position }

    public func bell() { bellCount += 1 }

    /// The text of row `y` as a golden file holds it.
    public func rowText(_ y: Int) -> String { screen.rowText(y) }

    /// The whole screen in the golden-file format.
    public var text: String { screen.text }

    /// The style of the cell at (x, y).
    public func style(x: Int, y: Int) -> Style { screen[x, y].style }
}
