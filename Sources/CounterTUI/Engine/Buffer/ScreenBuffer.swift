/// A frame: a value grid of cells that widgets write into and renderers compare.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize, style: Style = .normal) {
        self.size = size
        var blank = Cell.blank
        blank.style = style
        self.cells = Array(repeating: blank, count: max(0, size.columns) * max(0, size.rows))
    }

    public var area: Rect { Rect(x: 0, y: 0, width: size.columns, height: size.rows) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.columns + x]
    }

    func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.columns && y < size.rows
    }

    /// Puts one glyph at (x, y), keeping wide glyphs whole: a wide glyph that would be cut by
    /// the right edge becomes a space, and a cell overwriting half of a wide glyph clears the
    /// other half.
    public mutating func put(_ glyph: Glyph, x: Int, y: Int, style: Style) {
        guard contains(x: x, y: y) else { return }
        let index = y * size.columns + x
        clearWideNeighbours(at: x, y: y)
        if glyph.width == 2 {
            guard x + 1 < size.columns else {
                cells[index] = Cell(text: " ", width: 1, style: style)
                return
            }
            clearWideNeighbours(at: x + 1, y: y)
            cells[index] = Cell(text: glyph.text, width: 2, style: style)
            cells[index + 1] = .skip(style)
        } else {
            cells[index] = Cell(text: glyph.text, width: 1, style: style)
        }
    }

    private mutating func clearWideNeighbours(at x: Int, y: Int) {
        let index = y * size.columns + x
        if cells[index].isSkip, x > 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if cells[index].width == 2, x + 1 < size.columns {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
    }

    /// Writes text from (x, y) within `maxWidth` columns (and the screen edge), cutting by
    /// display width; a wide glyph that does not fit whole is replaced by a space.
    /// Returns the columns written.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        guard y >= 0, y < size.rows else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.columns - x)
        var column = 0
        for character in text {
            guard column < limit else { break }
            let glyph = Glyph(character)
            if column + glyph.width > limit {
                put(Glyph(text: " ", width: 1), x: x + column, y: y, style: style)
                column += 1
                break
            }
            put(glyph, x: x + column, y: y, style: style)
            column += glyph.width
        }
        return column
    }

    /// Fills a rectangle with blanks of one style.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        let xs = max(0, rect.x)..<min(size.columns, rect.maxX)
        guard !xs.isEmpty else { return }
        let blank = Cell(text: " ", width: 1, style: style)
        for y in max(0, rect.y)..<min(size.rows, rect.maxY) {
            // Only the edges can cut a wide glyph in half.
            clearWideNeighbours(at: xs.lowerBound, y: y)
            clearWideNeighbours(at: xs.upperBound - 1, y: y)
            let row = y * size.columns
            for x in xs { cells[row + x] = blank }
        }
    }

    /// Changes the style of a rectangle, keeping its text.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(size.rows, rect.maxY) {
            for x in max(0, rect.x)..<min(size.columns, rect.maxX) {
                cells[y * size.columns + x].style = style
            }
        }
    }

    /// The text of one row as the golden files hold it: each glyph once (skip cells omitted),
    /// trailing spaces removed.
    public func rowText(_ y: Int) -> String {
        var line = ""
        for x in 0..<size.columns {
            let cell = self[x, y]
            if !cell.isSkip { line += cell.text }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole screen in the golden-file format: rows joined by newlines, final newline.
    public var text: String {
        (0..<size.rows).map(rowText).joined(separator: "\n") + "\n"
    }
}
