/// The keymap grammar for key names, shared by keymap files, error messages and KEYS.md.
///
/// One key has many spellings (`S-F1` ≡ `F13`, `C-x` ≡ `Ctrl-X` ≡ `ctrl-x`) but exactly one
/// canonical name: shifted function keys are written `S-F1`…`S-F12` (what the operator
/// presses), control letters `C-x` (lower-case), the other named keys as in the grammar
/// (`Enter`, `Esc`, `PgUp`…). Named keys and modifiers are case-insensitive; a single
/// character is taken literally, so `"a"` and `"A"` are different keys.
extension Key {
    /// Parses a key name of the keymap grammar; nil when the name is not a key.
    public init?(keymapName name: String) {
        if name.count == 1, let character = name.first {
            guard Key.isPrintable(character) else { return nil }
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if let rest = Key.dropPrefix(lower, ["s-", "shift-"]) {
            if rest == "tab" {
                self = .backTab
                return
            }
            guard let number = Key.functionNumber(rest), number <= 12 else { return nil }
            self = .function(number + 12)
            return
        }
        if let rest = Key.dropPrefix(lower, ["c-", "ctrl-"]) {
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            self = .ctrl(letter)
            return
        }
        if let number = Key.functionNumber(lower) {
            self = .function(number)
            return
        }
        guard let named = Key.namedKeys[lower] else { return nil }
        self = named
    }

    /// The one canonical spelling of the key in the keymap grammar (`S-F1` for F13).
    public var keymapName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .function(let number) where (13...24).contains(number): return "S-F\(number - 12)"
        case .function(let number): return "F\(number)"
        case .ctrl(let letter): return "C-\(letter)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        }
    }

    /// The label operators see in the help and the function-key bar: the canonical name,
    /// except where an Italian keyboard prints something else on the key (Invio, Canc…).
    public var operatorLabel: String {
        switch self {
        case .character(" "): return "Spazio"
        case .enter: return "Invio"
        case .delete: return "Canc"
        case .insert: return "Ins"
        case .end: return "Fine"
        case .pageUp: return "Pag↑"
        case .pageDown: return "Pag↓"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        default: return keymapName
        }
    }

    /// Every key the grammar can name, in display order (used by tests and KEYS.md).
    public static var allNamedKeys: [Key] {
        var keys = (1...24).map { Key.function($0) }
        keys += [.enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .home, .end,
                 .pageUp, .pageDown, .up, .down, .left, .right, .character(" ")]
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        return keys
    }

    /// Lower-case spellings of the named keys, Italian keycap words included so that an
    /// operator can write what the help shows.
    private static let namedKeys: [String: Key] = [
        "enter": .enter, "invio": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab,
        "backspace": .backspace,
        "delete": .delete, "canc": .delete,
        "insert": .insert, "ins": .insert,
        "home": .home,
        "end": .end, "fine": .end,
        "pgup": .pageUp, "pag↑": .pageUp,
        "pgdn": .pageDown, "pag↓": .pageDown,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "space": .character(" "), "spazio": .character(" "),
    ]

    private static func dropPrefix(_ text: String, _ prefixes: [String]) -> String? {
        for prefix in prefixes where text.hasPrefix(prefix) && text.count > prefix.count {
            return String(text.dropFirst(prefix.count))
        }
        return nil
    }

    /// "f1"…"f24" → 1…24; leading zeros ("f01") are not a spelling of the grammar.
    private static func functionNumber(_ lower: String) -> Int? {
        guard lower.hasPrefix("f") else { return nil }
        let digits = lower.dropFirst()
        guard !digits.isEmpty, digits.count <= 2, digits.first != "0",
              digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits), (1...24).contains(number) else { return nil }
        return number
    }

    private static func isPrintable(_ character: Character) -> Bool {
        if character == " " { return true }
        if character.isWhitespace || character.isNewline { return false }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
                return false
            default:
                return true
            }
        }
    }
}
