/// The bottom row: the function keys that work here and now, generated from the keymap's help
/// (pass only the enabled entries). Each action appears once, with its first function key;
/// entries that do not fit are left out rather than cut.
public enum FunctionKeyBar {
    public static func entries(_ help: [KeyHelp]) -> [KeyHelp] {
        var seen = Set<String>()
        var result: [KeyHelp] = []
        for entry in help {
            guard case .function = entry.key, !seen.contains(entry.action) else { continue }
            seen.insert(entry.action)
            result.append(entry)
        }
        return result.sorted { lhs, rhs in
            guard case .function(let a) = lhs.key, case .function(let b) = rhs.key else { return false }
            return a < b
        }
    }

    public static func draw(into buffer: inout ScreenBuffer, row: Rect, help: [KeyHelp]) {
        guard row.height > 0 else { return }
        var x = row.x
        for entry in entries(help) {
            let label = entry.label
            let description = TextLayout.truncate(entry.shortLabel, toWidth: 16, ellipsis: true)
            let width = DisplayWidth.of(label) + 1 + DisplayWidth.of(description) + 1
            guard x + width <= row.maxX else { break }
            buffer.write(label, x: x, y: row.y, style: .keyLabel)
            buffer.write(description, x: x + DisplayWidth.of(label) + 1, y: row.y)
            x += width + 1
        }
    }
}
