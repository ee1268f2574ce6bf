/// Items of the loop's mailbox: application messages, terminal events, end of input.
enum RuntimeItem<Message: Sendable>: Sendable {
    case app(AppMsg<Message>)
    /// The result of an effect the loop is waiting for.
    case effectResult(Message)
    /// What a subscription's wait returned (`token` tells an old, cancelled wait apart).
    case subscription(id: String, token: UInt64, Message)
    case terminalEvent(TerminalEvent)
    case inputEnded
}
