/// One row of the demo's list: names chosen to exercise widths (accents, NFD, CJK, emoji).
public struct EngineDemoPerson: Hashable, Sendable {
    public let surname: String
    public let name: String
    public let note: String
    public let waitMinutes: Int

    /// Surname and name; no space after a CJK surname (王小明), as those names are written.
    public var fullName: String {
        let separator = surname.last.map { Glyph($0).width == 2 } == true ? "" : " "
        return surname + separator + name
    }

    /// The demo's people, always the same (golden screens depend on them).
    public static let all: [EngineDemoPerson] = [
        EngineDemoPerson(surname: "Rossi", name: "Niccolò", note: "ò composta", waitMinutes: 3),
        EngineDemoPerson(surname: "Bianchi", name: "Nicolo\u{0300}", note: "o + U+0300", waitMinutes: 7),
        EngineDemoPerson(surname: "王", name: "小明", note: "CJK largo", waitMinutes: 12),
        EngineDemoPerson(surname: "Ferri", name: "Lucia 😀", note: "emoji largo", waitMinutes: 15),
        EngineDemoPerson(surname: "Esposito", name: "👨‍👩‍👧", note: "emoji ZWJ", waitMinutes: 18),
        EngineDemoPerson(surname: "D'Angelo", name: "Giuseppe", note: "", waitMinutes: 21),
        EngineDemoPerson(surname: "Colombo", name: "Martina", note: "", waitMinutes: 24),
        EngineDemoPerson(surname: "Ricci", name: "Francesca", note: "", waitMinutes: 26),
        EngineDemoPerson(surname: "Marino", name: "Luca", note: "", waitMinutes: 29),
        EngineDemoPerson(surname: "Greco", name: "Chiara", note: "", waitMinutes: 31),
        EngineDemoPerson(surname: "Bruno", name: "Matteo", note: "", waitMinutes: 34),
        EngineDemoPerson(surname: "Gallo", name: "Sofia", note: "", waitMinutes: 38),
        EngineDemoPerson(surname: "Conti", name: "Alessandro", note: "", waitMinutes: 41),
        EngineDemoPerson(surname: "De Luca", name: "Giulia", note: "", waitMinutes: 45),
        EngineDemoPerson(surname: "Mancini", name: "Lorenzo", note: "", waitMinutes: 47),
        EngineDemoPerson(surname: "Costa", name: "Aurora", note: "", waitMinutes: 52),
        EngineDemoPerson(surname: "Giordano", name: "Andrea", note: "", waitMinutes: 55),
        EngineDemoPerson(surname: "Rizzo", name: "Beatrice", note: "", waitMinutes: 58),
        EngineDemoPerson(surname: "Lombardi", name: "Tommaso", note: "", waitMinutes: 63),
        EngineDemoPerson(surname: "Moretti", name: "Ginevra", note: "", waitMinutes: 67),
        EngineDemoPerson(surname: "Barbieri", name: "Gabriele", note: "", waitMinutes: 72),
        EngineDemoPerson(surname: "Fontana", name: "Alice", note: "", waitMinutes: 80),
        EngineDemoPerson(surname: "Santoro", name: "Riccardo", note: "", waitMinutes: 95),
        EngineDemoPerson(surname: "Mariani", name: "Noemi", note: "", waitMinutes: 120),
    ]
}
