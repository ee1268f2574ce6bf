/// One cell a renderer must write.
public struct CellChange: Hashable, Sendable {
    public let x: Int
    public let y: Int
    public let cell: Cell
}

extension ScreenBuffer {
    /// The cells to write to turn `previous` into this frame: changed cells only, skip cells
    /// never (the wide glyph before them covers them). A different size means everything.
    public func changes(from previous: ScreenBuffer?) -> [CellChange] {
        var result: [CellChange] = []
        let full = previous == nil || previous!.size != size
        for y in 0..<size.rows {
            for x in 0..<size.columns {
                let index = y * size.columns + x
                let cell = cells[index]
                if cell.isSkip { continue }
                if full || previous!.cells[index] != cell || previous!.cells[index].isSkip != cell.isSkip {
                    result.append(CellChange(x: x, y: y, cell: cell))
                } else if cell.width == 2, x + 1 < size.columns, !previous!.cells[index + 1].isSkip {
                    // Same wide glyph, but its right half was overwritten earlier: write again.
                    result.append(CellChange(x: x, y: y, cell: cell))
                }
            }
        }
        return result
    }
}
