/// What a view produces: the cells of the screen and where the cursor goes (nil hides it).
public struct AppFrame: Sendable {
    public var buffer: ScreenBuffer
    public var cursor: CursorPosition?

    public init(buffer: ScreenBuffer, cursor: CursorPosition? = nil) {
        self.buffer = buffer
        self.cursor = cursor
    }
}
