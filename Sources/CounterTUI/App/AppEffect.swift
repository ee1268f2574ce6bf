/// Work `update` asks for instead of doing it: the loop performs it and never blocks on it.
public enum AppEffect<Message: Sendable>: Sendable {
    /// Runs asynchronously outside the loop (store writes, hashing, printing); its result
    /// comes back as `.message`.
    case run(@Sendable () async -> Message)
    case bell
    /// Redraws every cell on the next frame (after the screen may have been disturbed).
    case fullRedraw
    /// Ends the loop after this message.
    case quit
}
