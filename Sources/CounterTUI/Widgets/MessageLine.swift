/// The one-row message line above the function-key bar. Errors are prefixed so they read as
/// errors in monochrome too.
public enum MessageLine {
    public static func draw(into buffer: inout ScreenBuffer, row: Rect, message: StatusMessage?) {
        guard let message, row.height > 0 else { return }
        let (prefix, style): (String, Style) = switch message.kind {
        case .info: ("", .normal)
        case .ok: ("", .ok)
        case .warning: ("Attenzione: ", .warning)
        case .error: ("Errore: ", .error)
        }
        let text = TextLayout.truncate(" " + prefix + message.text + " ", toWidth: row.width, ellipsis: true)
        buffer.write(text, x: row.x, y: row.y, maxWidth: row.width, style: style)
    }
}
