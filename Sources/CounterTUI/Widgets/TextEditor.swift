/// The editing model of a one-line field: text, cursor and width-aware scrolling. Pure value;
/// the form widget draws it.
public struct TextEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position in characters (0…count).
    public private(set) var cursor: Int
    public let maxLength: Int?

    public init(_ text: String = "", maxLength: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }

    /// Inserts a character at the cursor. Returns false when the field is full.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        if let maxLength, characters.count >= maxLength { return false }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    /// Deletes the character before the cursor. Returns false at the start.
    @discardableResult
    public mutating func backspace() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        characters.remove(at: cursor)
        return true
    }

    /// Deletes the character under the cursor. Returns false at the end.
    @discardableResult
    public mutating func delete() -> Bool {
        guard cursor < characters.count else { return false }
        characters.remove(at: cursor)
        return true
    }

    @discardableResult public mutating func moveLeft() -> Bool { guard cursor > 0 else { return false }; cursor -= 1; return true }
    @discardableResult public mutating func moveRight() -> Bool { guard cursor < characters.count else { return false }; cursor += 1; return true }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Applies an editing key; returns false when the key does not edit (or cannot, e.g.
    /// Backspace at the start), so the caller can ring the bell.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character): return insert(character)
        case .backspace: return backspace()
        case .delete: return delete()
        case .left: return moveLeft()
        case .right: return moveRight()
        case .home: moveHome(); return true
        case .end: moveEnd(); return true
        default: return false
        }
    }

    /// Whether `key` is one this model handles.
    public static func edits(_ key: Key) -> Bool {
        switch key {
        case .character, .backspace, .delete, .left, .right, .home, .end: return true
        default: return false
        }
    }

    /// The part of the text shown in `width` columns and the cursor column within it: the view
    /// scrolls so the cursor stays visible, by display width.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        var start = 0
        func columns(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + Glyph(characters[$1]).width } }
        // Keep one column for the cursor after the last character.
        while columns(start..<cursor) > width - 1, start < cursor { start += 1 }
        let shown = TextLayout.truncate(String(characters[start...]), toWidth: width)
        return (shown, columns(start..<cursor))
    }
}
