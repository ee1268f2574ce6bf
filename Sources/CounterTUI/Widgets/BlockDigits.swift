/// Draws text (a ticket number, a counter number) in large block characters: 5 rows high at
/// scale 1, each block doubled in both directions at scale 2 (10 rows) for big screens.
/// Characters are separated by one blank column (two at scale 2).
public enum BlockDigits {
    public static let block = "█"

    /// Rows needed at a scale.
    public static func height(scale: Int) -> Int { BlockDigitsFont.rows * max(1, scale) }

    /// Columns needed for `text` at a scale.
    public static func width(of text: String, scale: Int) -> Int {
        let count = text.count
        guard count > 0 else { return 0 }
        let s = max(1, scale)
        return count * BlockDigitsFont.columns * s + (count - 1) * s
    }

    /// The largest scale (1 or 2) at which `text` fits in `width`×`height`; nil when even
    /// scale 1 does not fit.
    public static func scale(for text: String, width: Int, height: Int, maximum: Int = 2) -> Int? {
        for s in stride(from: max(1, maximum), through: 1, by: -1)
        where self.width(of: text, scale: s) <= width && self.height(scale: s) <= height {
            return s
        }
        return nil
    }

    /// The rows of `text` as plain strings (blocks and spaces), for printing and tests.
    public static func lines(_ text: String, scale: Int = 1) -> [String] {
        let s = max(1, scale)
        var rows: [String] = []
        for row in 0..<BlockDigitsFont.rows {
            var line = ""
            for (i, character) in text.enumerated() {
                if i > 0 { line += String(repeating: " ", count: s) }
                let pattern = BlockDigitsFont.pattern(for: character)?[row]
                    ?? String(repeating: " ", count: BlockDigitsFont.columns)
                for mark in pattern {
                    line += String(repeating: mark == "#" ? block : " ", count: s)
                }
            }
            rows += Array(repeating: line, count: s)
        }
        return rows
    }

    /// Draws `text` with its top-left corner at (x, y), clipped to `clip`; only the blocks are
    /// written, so the background (and its style) stays as it was.
    public static func draw(_ text: String, x: Int, y: Int, scale: Int = 1, style: Style = .normal,
                            clip: Rect? = nil, into buffer: inout ScreenBuffer) {
        let area = clip ?? buffer.area
        for (dy, line) in lines(text, scale: scale).enumerated() {
            let row = y + dy
            guard row >= area.y, row < area.maxY else { continue }
            for (dx, mark) in line.enumerated() where mark != " " {
                let column = x + dx
                guard column >= area.x, column < area.maxX else { continue }
                buffer.write(String(mark), x: column, y: row, style: style)
            }
        }
    }
}
