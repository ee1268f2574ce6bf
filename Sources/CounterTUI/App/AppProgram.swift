/// One interactive application (a screen or a group of screens) in the Elm style: a state
/// value, `update` that changes it and returns effects, `view` that draws it. The loop
/// (`AppRuntime`) owns I/O; programs stay pure and testable.
public protocol AppProgram {
    associatedtype State
    associatedtype Message: Sendable

    /// The keymap table in force for this state (e.g. "engine_demo", "cruscotto").
    func screenName(of state: State) -> String
    /// The actions that mean something now; other bound keys ring the bell and change nothing,
    /// and the function-key bar shows only these.
    func enabledActions(in state: State) -> Set<String>
    /// Whether a key without an enabled action is taken as input (typing into a field).
    func acceptsKey(_ key: Key, in state: State) -> Bool
    /// Whether an unusable key rings the bell (a waiting-room display opts out).
    func bellsOnUnusableKey(in state: State) -> Bool

    func update(_ state: inout State, _ msg: AppMsg<Message>) -> [AppEffect<Message>]
    func view(_ state: State, context: ViewContext) -> AppFrame
    /// The long-lived sources of messages wanted in this state (a queue's wake-ups); asked
    /// after every message. Default: none.
    func subscriptions(in state: State) -> [AppSubscription<Message>]
}

extension AppProgram {
    public func acceptsKey(_ key: Key, in state: State) -> Bool { false }
    public func bellsOnUnusableKey(in state: State) -> Bool { true }
    public func subscriptions(in state: State) -> [AppSubscription<Message>] { [] }
}
