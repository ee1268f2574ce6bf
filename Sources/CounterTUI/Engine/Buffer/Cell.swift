/// One terminal cell. A wide glyph sits in a cell of width 2 and the cell after it is a skip
/// cell (`width == 0`), which renderers never write.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .normal)

    public static func skip(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    public var isSkip: Bool { width == 0 }
}
