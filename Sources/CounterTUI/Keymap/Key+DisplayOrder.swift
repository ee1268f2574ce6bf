/// Stable order of keys in help and KEYS.md: function keys by number first (F1…F12, then
/// S-F1…S-F12), then the named keys, the control letters and the characters.
extension Key {
    struct DisplayRank: Comparable {
        let group: Int
        let number: Int
        let text: String

        static func < (lhs: DisplayRank, rhs: DisplayRank) -> Bool {
            (lhs.group, lhs.number, lhs.text) < (rhs.group, rhs.number, rhs.text)
        }
    }

    var displayRank: DisplayRank {
        switch self {
        case .function(let number): return DisplayRank(group: 0, number: number, text: "")
        case .enter: return DisplayRank(group: 1, number: 0, text: "")
        case .escape: return DisplayRank(group: 1, number: 1, text: "")
        case .tab: return DisplayRank(group: 1, number: 2, text: "")
        case .backTab: return DisplayRank(group: 1, number: 3, text: "")
        case .up: return DisplayRank(group: 1, number: 4, text: "")
        case .down: return DisplayRank(group: 1, number: 5, text: "")
        case .left: return DisplayRank(group: 1, number: 6, text: "")
        case .right: return DisplayRank(group: 1, number: 7, text: "")
        case .pageUp: return DisplayRank(group: 1, number: 8, text: "")
        case .pageDown: return DisplayRank(group: 1, number: 9, text: "")
        case .home: return DisplayRank(group: 1, number: 10, text: "")
        case .end: return DisplayRank(group: 1, number: 11, text: "")
        case .insert: return DisplayRank(group: 1, number: 12, text: "")
        case .delete: return DisplayRank(group: 1, number: 13, text: "")
        case .backspace: return DisplayRank(group: 1, number: 14, text: "")
        case .ctrl(let letter): return DisplayRank(group: 2, number: 0, text: String(letter))
        case .character(let character): return DisplayRank(group: 3, number: 0, text: String(character))
        }
    }
}
