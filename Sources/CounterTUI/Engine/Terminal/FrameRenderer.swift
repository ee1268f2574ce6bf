/// Remembers the last frame a terminal shows and tells which cells a new frame changes.
public struct FrameRenderer: Sendable {
    public private(set) var previous: ScreenBuffer?
    private var forceFull = false

    public init() {}

    /// Forgets the screen contents: the next frame is written whole.
    public mutating func invalidate() { forceFull = true }

    /// The cells to write for `frame`, remembering it as the screen's new contents.
    public mutating func render(_ frame: ScreenBuffer) -> [CellChange] {
        let changes = frame.changes(from: forceFull ? nil : previous)
        previous = frame
        forceFull = false
        return changes
    }
}
