/// The Markdown of KEYS.md: for each screen, every key in force, its action and what it
/// does, generated from a keymap and the action catalog so that it cannot drift.
public enum KeymapDocument {
    public static func markdown(for keymap: Keymap, source: String = Keymap.defaultFileName) -> String {
        var lines: [String] = [
            "# Tasti di Sportello TUI",
            "",
            "Generato da `sportello-tui keymap doc` a partire da `\(source)` e dal catalogo delle azioni:",
            "non modificare a mano. Come scrivere una tastiera personale: `docs/KEYMAPS.md`.",
            "",
            "I tasti `S-F1`…`S-F12` sono Maiusc+F1…F12 (per il terminale F13…F24); `C-x` è Ctrl+X.",
            "",
            "## Tutte le schermate (`[global]`)",
            "",
        ]
        lines += table(keymap.bindings(in: .global).map { ($0.key, $0.action, "") }, withOrigin: false)
        for screen in ActionCatalog.screens {
            lines += ["", "## \(screen.title) (`[screen.\(screen.name)]`)", ""]
            let own = Set(keymap.bindings(in: .screen(screen.name)).map(\.key))
            let rows = keymap.effectiveBindings(on: screen.name).map { binding in
                (binding.key, binding.action, own.contains(binding.key) ? "schermata" : "globale")
            }
            lines += table(rows, withOrigin: true)
        }
        lines += ["", "## Azioni", "", "| Azione | Etichetta | Descrizione | Dove |", "|---|---|---|---|"]
        for action in ActionCatalog.actions {
            let place: String
            switch action.availability {
            case .global: place = "ovunque"
            case .screens(let screens): place = screens.sorted().joined(separator: ", ")
            }
            lines.append("| `\(action.name)` | \(action.label) | \(escape(action.description)) | \(place) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ rows: [(Key, String, String)], withOrigin: Bool) -> [String] {
        guard !rows.isEmpty else { return ["Nessun tasto."] }
        var lines = withOrigin
            ? ["| Tasto | Azione | Descrizione | Da |", "|---|---|---|---|"]
            : ["| Tasto | Azione | Descrizione |", "|---|---|---|"]
        for (key, action, origin) in rows {
            let description = escape(ActionCatalog.action(named: action)?.description ?? action)
            var line = "| `\(code(key.keymapName))` | `\(action)` | \(description) |"
            if withOrigin { line += " \(origin) |" }
            lines.append(line)
        }
        return lines
    }

    private static func escape(_ text: String) -> String {
        text.replacingAll("|", with: "\\|")
    }

    /// Backticks and pipes inside a key name (a character key) must not break the table.
    private static func code(_ text: String) -> String {
        text == "`" ? "` ` `" : escape(text)
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        reduce(into: "") { result, character in
            if character == target { result += replacement } else { result.append(character) }
        }
    }
}
