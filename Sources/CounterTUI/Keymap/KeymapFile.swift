import LocalStore
import TOMLKit

/// One keymap file read and checked on its own: its bindings per scope and every problem
/// found in it. Layering and whole-keymap checks happen in `Keymap`.
struct KeymapFile {
    /// A binding as written: the action (nil for `"none"`), its line and the key spelling.
    struct Entry {
        let action: String?
        let line: Int?
        let spelling: String
    }

    let name: String
    private(set) var scopes: [KeymapScope: [Key: Entry]] = [:]
    private(set) var issues: [KeymapIssue] = []
    private let index: TOMLLineIndex

    /// Parses `text`; `name` is how the file is named in messages (the path as given).
    init(text: String, name: String) {
        self.name = name
        self.index = TOMLLineIndex(text: text)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            issues.append(KeymapIssue(file: name, line: error.source.begin.line, key: nil,
                                      message: "sintassi TOML non valida: \(error.description)"))
            return
        } catch {
            issues.append(KeymapIssue(file: name, line: nil, key: nil,
                                      message: "sintassi TOML non valida: \(error)"))
            return
        }
        readRoot(root)
        issues.sort { ($0.line ?? Int.max, $0.description) < ($1.line ?? Int.max, $1.description) }
    }

    /// The line where `scope` is written (its header, or its first key), if it is.
    func line(of scope: KeymapScope) -> Int? {
        index.headerLine(of: scope.tablePath) ?? index.line(of: scope.tablePath)
    }

    private mutating func readRoot(_ root: TOMLTable) {
        for name in root.keys {
            guard let value = root[name] else { continue }
            switch name {
            case "global":
                guard let table = value.table else {
                    report(["global"], key: nil, "\"global\" deve essere una tabella [global]")
                    continue
                }
                readScope(.global, table)
            case "screen":
                guard let screens = value.table else {
                    report(["screen"], key: nil, "\"screen\" deve contenere tabelle [screen.NOME]")
                    continue
                }
                for screen in screens.keys {
                    guard let screenValue = screens[screen] else { continue }
                    guard ActionCatalog.screen(named: screen) != nil else {
                        let known = ActionCatalog.screens.map(\.name).joined(separator: ", ")
                        report(["screen", screen], key: nil,
                               "schermata sconosciuta [screen.\(screen)] (schermate previste: \(known))")
                        continue
                    }
                    guard let table = screenValue.table else {
                        report(["screen", screen], key: nil, "[screen.\(screen)] deve essere una tabella")
                        continue
                    }
                    readScope(.screen(screen), table)
                }
            default:
                report([name], key: nil,
                       "tabella sconosciuta [\(name)]: sono ammesse solo [global] e [screen.NOME]")
            }
        }
    }

    private mutating func readScope(_ scope: KeymapScope, _ table: TOMLTable) {
        var entries: [Key: Entry] = [:]
        // In file order, so that a conflict is reported on the later of the two lines.
        let spellings = table.keys.sorted {
            (index.line(of: scope.tablePath + [$0]) ?? Int.max, $0) < (index.line(of: scope.tablePath + [$1]) ?? Int.max, $1)
        }
        for spelling in spellings {
            guard let value = table[spelling] else { continue }
            let path = scope.tablePath + [spelling]
            let line = index.line(of: path)
            let key = Key(keymapName: spelling)
            if key == nil {
                report(path, key: spelling,
                       "nome di tasto sconosciuto in \(scope) (esempi validi: F1, S-F1, C-x, Enter, Esc, Tab, S-Tab, PgUp, Up, Space, a)")
            }
            guard let actionName = value.string else {
                report(path, key: spelling,
                       "il valore deve essere il nome di un'azione tra virgolette, non \(TOMLKindName.italian(value.type))")
                continue
            }
            let resolution = resolve(actionName, scope: scope, path: path, spelling: spelling)
            guard let key else { continue }
            if let previous = entries[key] {
                let where1 = previous.line.map { "riga \($0)" } ?? "stesso file"
                let where2 = line.map { "riga \($0)" } ?? "stesso file"
                report(path, key: spelling,
                       "\(previous.spelling.keymapQuoted) (\(where1)) e \(spelling.keymapQuoted) (\(where2)) sono lo stesso tasto \(key.keymapName) in \(scope): tenerne uno solo")
                continue
            }
            switch resolution {
            case .bind(let action): entries[key] = Entry(action: action, line: line, spelling: spelling)
            case .unbind: entries[key] = Entry(action: nil, line: line, spelling: spelling)
            case .refused: break
            }
        }
        scopes[scope] = entries
    }

    private enum Resolution {
        case bind(String)
        /// `"none"`: the key means nothing in this scope, hiding a default or global binding.
        case unbind
        /// Refused; the issue is already recorded.
        case refused
    }

    private mutating func resolve(_ actionName: String, scope: KeymapScope, path: [String],
                                  spelling: String) -> Resolution {
        if actionName == ActionCatalog.unboundActionName { return .unbind }
        guard let action = ActionCatalog.action(named: actionName) else {
            report(path, key: spelling, "azione sconosciuta \(actionName.keymapQuoted)")
            return .refused
        }
        switch (scope, action.availability) {
        case (_, .global):
            return .bind(action.name)
        case (.global, .screens(let screens)):
            report(path, key: spelling,
                   "l'azione \(actionName.keymapQuoted) esiste solo nelle schermate \(Self.list(screens)): va messa in [screen.NOME], non in [global]")
            return .refused
        case (.screen(let screen), .screens(let screens)):
            guard screens.contains(screen) else {
                report(path, key: spelling,
                       "l'azione \(actionName.keymapQuoted) non è disponibile nella schermata \(screen) (solo in \(Self.list(screens)))")
                return .refused
            }
            return .bind(action.name)
        }
    }

    private mutating func report(_ path: [String], key: String?, _ message: String) {
        issues.append(KeymapIssue(file: name, line: index.line(of: path), key: key, message: message))
    }

    private static func list(_ screens: Set<String>) -> String {
        screens.sorted().joined(separator: ", ")
    }
}
