/// A stack of screens (or overlays): the top one is shown and receives keys; going back pops
/// it; the root stays.
public struct ScreenStack<Screen: Hashable & Sendable>: Hashable, Sendable {
    public private(set) var screens: [Screen]

    public init(root: Screen) { screens = [root] }

    public var top: Screen { screens[screens.count - 1] }
    public var root: Screen { screens[0] }
    public var isAtRoot: Bool { screens.count == 1 }
    public var depth: Int { screens.count }

    public mutating func push(_ screen: Screen) { screens.append(screen) }

    /// Removes the top screen; the root is never removed. Returns whether something was popped.
    @discardableResult
    public mutating func pop() -> Bool {
        guard !isAtRoot else { return false }
        screens.removeLast()
        return true
    }

    public func contains(_ screen: Screen) -> Bool { screens.contains(screen) }
}
