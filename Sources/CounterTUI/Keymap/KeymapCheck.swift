import Foundation

/// What `sportello-tui keymap check FILE` decides, kept apart from the command so that
/// tests run the same logic.
public enum KeymapCheck: Equatable, Sendable {
    /// The file, layered on the default, is a valid keymap; the line to print on stdout.
    case valid(String)
    /// The file is refused; one `FILE:LINE: …` line per problem, for stderr.
    case rejected([String])
    /// The file cannot be read; the one-line reason.
    case unreadable(String)

    public static func run(path: String) -> KeymapCheck {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                return .rejected(["\(path): il file non è in UTF-8"])
            }
            text = decoded
        } catch {
            return .unreadable("file non leggibile: \(path)")
        }
        do {
            let keymap = try Keymap.load(userText: text, name: path)
            let screens = ActionCatalog.screens.count
            let keys = ActionCatalog.screens.reduce(0) { $0 + keymap.effectiveBindings(on: $1.name).count }
            return .valid("ok: \(path) è una tastiera valida (\(screens) schermate, \(keys) tasti attivi in tutto)")
        } catch let error as KeymapError {
            return .rejected(error.issues.map(\.description))
        } catch {
            return .rejected(["\(path): \(error)"])
        }
    }
}
