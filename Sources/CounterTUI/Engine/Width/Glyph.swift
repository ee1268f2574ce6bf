import Foundation

/// What one grapheme cluster becomes on screen: the text written to the terminal and how many
/// columns it takes.
///
/// Clusters that terminals lay out inconsistently become `Glyph.fallback` (U+FFFD, one column):
/// ZWJ sequences (👨‍👩‍👧: glibc counts six columns, terminals draw two or six), regional-indicator
/// flags (🇮🇹: glibc counts one column per letter), emoji with a variation selector, skin-tone
/// modifier or keycap, tag sequences, clusters with several spacing characters, and any
/// non-printable character. A base letter followed by combining marks stays one cell and is
/// normalised to NFC, so "Nicolo\u{0300}" and "Nicolò" draw the same.
public struct Glyph: Hashable, Sendable {
    public static let fallback = "\u{FFFD}"

    public let text: String
    public let width: Int

    public init(_ character: Character) {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
            self.init(text: String(character), width: 1)
            return
        }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            let width = DisplayWidth.of(scalar: scalar)
            if width <= 0 {
                // A lone combining mark has nothing to combine with; a control is not text.
                self.init(text: Glyph.fallback, width: 1)
            } else {
                self.init(text: String(character), width: width)
            }
            return
        }
        var base: Unicode.Scalar?
        for scalar in scalars {
            if Glyph.garbles(scalar) { self.init(text: Glyph.fallback, width: 1); return }
            let width = DisplayWidth.of(scalar: scalar)
            if base == nil {
                guard width > 0 else { self.init(text: Glyph.fallback, width: 1); return }
                base = scalar
            } else if width != 0 {
                self.init(text: Glyph.fallback, width: 1)
                return
            }
        }
        let composed = String(character).precomposedStringWithCanonicalMapping
        self.init(text: composed, width: DisplayWidth.of(scalar: base!))
    }

    init(text: String, width: Int) {
        self.text = text
        self.width = width
    }

    /// Scalars whose presence in a multi-scalar cluster makes terminals disagree on its width.
    static func garbles(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D: return true                   // zero width joiner
        case 0xFE0E, 0xFE0F: return true           // variation selectors 15/16
        case 0x1F1E6...0x1F1FF: return true        // regional indicators
        case 0x1F3FB...0x1F3FF: return true        // skin-tone modifiers
        case 0x20E3: return true                   // combining enclosing keycap
        case 0xE0020...0xE007F: return true        // tag characters
        default: return false
        }
    }
}
