/// Which of a screen's focusable elements has focus; Tab and Shift-Tab go round.
public struct FocusRing<Element: Hashable & Sendable>: Hashable, Sendable {
    public let order: [Element]
    public private(set) var index: Int

    public init(_ order: [Element], focused: Element? = nil) {
        precondition(!order.isEmpty, "a focus ring needs at least one element")
        self.order = order
        self.index = focused.flatMap { order.firstIndex(of: $0) } ?? 0
    }

    public var focused: Element { order[index] }

    public mutating func next() { index = (index + 1) % order.count }
    public mutating func previous() { index = (index + order.count - 1) % order.count }

    public mutating func focus(_ element: Element) {
        if let position = order.firstIndex(of: element) { index = position }
    }
}
