/// One line of the card: text and style, optionally with a part flush right.
public struct ContactCardLine: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var right: String
    public var rightStyle: Style

    public init(_ text: String, _ style: Style = .normal, right: String = "", rightStyle: Style = .normal) {
        self.text = text
        self.style = style
        self.right = right
        self.rightStyle = rightStyle
    }
}
