/// A long-lived source of messages that a program declares from its state
/// (`AppProgram.subscriptions(in:)`): the loop awaits `next` off the loop, posts its result as
/// `.message`, and only then awaits it again (re-armed after `update` handled the message, so a
/// source faster than the loop never piles messages up). A subscription runs while the program
/// declares its `id`; one that disappears is cancelled, and every one is cancelled at `.quit`
/// or when `run()` ends. `next` must honour task cancellation (return soon when cancelled);
/// what it returns after cancellation is dropped.
///
/// When the same `id` is declared with another closure, the wait under way finishes with the
/// old one and the next wait uses the new one.
public struct AppSubscription<Message: Sendable>: Sendable {
    public let id: String
    public let next: @Sendable () async -> Message

    public init(id: String, next: @escaping @Sendable () async -> Message) {
        self.id = id
        self.next = next
    }
}
