/// Items of the loop's mailbox: application messages, terminal events, end of input.
enum RuntimeItem<Message: Sendable>: Sendable {
    case app(AppMsg<Message>)
    /// The result of an effect the loop is waiting for.
    case effectResult(Message)
    case terminalEvent(TerminalEvent)
    case inputEnded
}
