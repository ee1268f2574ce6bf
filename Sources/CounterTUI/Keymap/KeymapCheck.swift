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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path) else {
            return .unreadable("file non leggibile: \(path)")
        }
        let text: String
        switch Keymap.readUserFile(path) {
        case .success(let contents): text = contents
        case .failure(let error): return .rejected(error.issues.map(\.description))
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
