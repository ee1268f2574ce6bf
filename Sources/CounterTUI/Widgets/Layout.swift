/// Splitting a rectangle into rows or columns.
public enum Layout {
    public enum Direction: Sendable { case rows, columns }

    /// Splits `rect` along `direction`. Fixed and percent parts are sized first, `min` parts get
    /// their minimum plus equal shares of the rest (the first ones take any odd cell); when the
    /// room is short, parts are shrunk from the last one back.
    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        let total = direction == .rows ? rect.height : rect.width
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n): return Swift.max(0, n)
            case .percent(let p): return Swift.max(0, total * p / 100)
            case .min(let n): return Swift.max(0, n)
            }
        }
        var used = sizes.reduce(0, +)
        let flexible = constraints.indices.filter { if case .min = constraints[$0] { return true } else { return false } }
        if used < total, !flexible.isEmpty {
            let spare = total - used
            for (position, index) in flexible.enumerated() {
                sizes[index] += spare / flexible.count + (position < spare % flexible.count ? 1 : 0)
            }
            used = total
        }
        var excess = used - total
        var index = sizes.count - 1
        while excess > 0, index >= 0 {
            let cut = Swift.min(excess, sizes[index])
            sizes[index] -= cut
            excess -= cut
            index -= 1
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size }
            switch direction {
            case .rows: return Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
            case .columns: return Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
            }
        }
    }
}
