import Foundation

/// The validated keymap the app loop runs on: the compiled-in default with an optional user
/// file layered on top.
///
/// Layering: a user entry replaces the default entry for the same key in the same scope
/// (`[global]` or one `[screen.NAME]`); every other default entry stays. A user entry
/// `"KEY" = "none"` removes the key in that scope (in a screen table it also hides the
/// `[global]` binding). On a screen, the screen's table is consulted first, then `[global]`.
public struct Keymap: KeyBindings {
    /// Name of the default keymap in messages and docs (its path in the source tree).
    public static let defaultFileName = "keymaps/default.toml"

    /// Bindings per scope; a nil action means the key is deliberately unbound there.
    private let scopes: [KeymapScope: [Key: String?]]

    private init(scopes: [KeymapScope: [Key: String?]]) {
        self.scopes = scopes
    }

    /// The compiled-in default keymap (keymaps/default.toml embedded in the program).
    public static func loadDefault() throws -> Keymap {
        try defaultResult.get()
    }

    /// The default plus the user keymap at `path` when given. Throws `KeymapError` listing
    /// every problem of the user file (an unreadable or non-UTF-8 file is one problem).
    public static func load(userFile path: String?) throws -> Keymap {
        guard let path else { return try loadDefault() }
        switch readUserFile(path) {
        case .success(let text): return try load(userText: text, name: path)
        case .failure(let error): throw error
        }
    }

    /// The text of a user keymap file, or a one-issue error saying why it cannot be used.
    static func readUserFile(_ path: String) -> Result<String, KeymapError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(KeymapError(issues: [KeymapIssue(file: path, line: nil, key: nil, message: "file non leggibile")]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(KeymapError(issues: [KeymapIssue(file: path, line: nil, key: nil, message: "il file non è in UTF-8")]))
        }
        return .success(text)
    }

    /// The default plus a user keymap given as text; `name` names it in messages.
    public static func load(userText: String, name: String) throws -> Keymap {
        let base = try loadDefault()
        let file = KeymapFile(text: userText, name: name)
        var scopes = base.scopes
        for (scope, entries) in file.scopes {
            for (key, entry) in entries {
                scopes[scope, default: [:]][key] = .some(entry.action)
            }
        }
        let keymap = Keymap(scopes: scopes)
        let issues = file.issues + keymap.missingWaysOut(in: file)
        guard issues.isEmpty else { throw KeymapError(issues: issues) }
        return keymap
    }

    /// Parses one complete keymap text with no layering (the default itself).
    static func parseStandalone(text: String, name: String) -> Result<Keymap, KeymapError> {
        let file = KeymapFile(text: text, name: name)
        var scopes: [KeymapScope: [Key: String?]] = [:]
        for (scope, entries) in file.scopes {
            scopes[scope] = entries.mapValues { $0.action }
        }
        let keymap = Keymap(scopes: scopes)
        let issues = file.issues + keymap.missingWaysOut(in: file)
        return issues.isEmpty ? .success(keymap) : .failure(KeymapError(issues: issues))
    }

    private static let defaultResult: Result<Keymap, KeymapError> =
        parseStandalone(text: DefaultKeymapText.text, name: defaultFileName)

    // MARK: - KeyBindings

    public func action(for key: Key, on screen: String) -> String? {
        if let entry = scopes[.screen(screen)]?[key] { return entry }
        return scopes[.global]?[key] ?? nil
    }

    public func help(for screen: String) -> [KeyHelp] {
        effectiveBindings(on: screen).map { key, action in
            KeyHelp(key: key, label: key.operatorLabel, action: action,
                    description: ActionCatalog.action(named: action)?.description ?? action)
        }
    }

    // MARK: - Inspection

    /// The bindings written in one scope (not inherited ones), in display order.
    public func bindings(in scope: KeymapScope) -> [(key: Key, action: String)] {
        let entries = scopes[scope] ?? [:]
        return entries.compactMap { key, action in action.map { (key: key, action: $0) } }
            .sorted { $0.key.displayRank < $1.key.displayRank }
    }

    /// Every binding in force on `screen` (screen table over `[global]`), in display order.
    public func effectiveBindings(on screen: String) -> [(key: Key, action: String)] {
        var merged = scopes[.global] ?? [:]
        for (key, action) in scopes[.screen(screen)] ?? [:] {
            merged[key] = .some(action)
        }
        return merged.compactMap { key, action in action.map { (key: key, action: $0) } }
            .sorted { $0.key.displayRank < $1.key.displayRank }
    }

    /// One issue per catalog screen that no key can leave (neither exit nor cancel bound),
    /// placed on the screen's table in `file`, or its `[global]` table, when written there.
    private func missingWaysOut(in file: KeymapFile) -> [KeymapIssue] {
        ActionCatalog.screens.compactMap { screen in
            let actions = Set(effectiveBindings(on: screen.name).map(\.action))
            guard actions.isDisjoint(with: ActionCatalog.exitActions) else { return nil }
            let line = file.line(of: .screen(screen.name)) ?? file.line(of: .global)
            return KeymapIssue(
                file: file.name, line: line, key: nil,
                message: "la schermata \(screen.name) resterebbe senza uscita: serve almeno un tasto per app.exit o app.cancel")
        }
    }
}
