/// One column of a `Table`: heading, width and alignment (numbers align right).
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Constraint
    public var alignRight: Bool

    public init(_ title: String, width: Constraint, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}
