/// Shown instead of any screen while the terminal is smaller than 80×24; the state is kept
/// and the screen comes back as soon as the terminal is large enough.
public enum SmallTerminalNotice {
    public static func lines(for size: TerminalSize) -> [String] {
        [
            "Terminale troppo piccolo",
            "servono almeno \(TerminalSize.minimum.columns)×\(TerminalSize.minimum.rows),",
            "ora \(size.columns)×\(size.rows).",
            "Allargare la finestra:",
            "il lavoro non è perso.",
        ]
    }

    public static func draw(into buffer: inout ScreenBuffer, size: TerminalSize) {
        let lines = lines(for: size)
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            let x = max(0, (size.columns - width) / 2)
            buffer.write(line, x: x, y: top + index, style: index == 0 ? .error : .normal)
        }
    }
}
