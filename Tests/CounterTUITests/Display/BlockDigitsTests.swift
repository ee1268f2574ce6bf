import Testing
@testable import CounterTUI

@Suite struct BlockDigitsTests {
    static let characters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-")

    @Test(arguments: characters)
    func everyGlyphIsFiveByFive(character: Character) throws {
        let pattern = try #require(BlockDigitsFont.pattern(for: character))
        #expect(pattern.count == BlockDigitsFont.rows)
        #expect(pattern.allSatisfy { $0.count == BlockDigitsFont.columns })
        #expect(pattern.joined().contains("#"))
    }

    @Test func glyphsAreAllDifferent() {
        let patterns = Self.characters.compactMap { BlockDigitsFont.pattern(for: $0) }
        #expect(Set(patterns.map { $0.joined(separator: "/") }).count == Self.characters.count)
    }

    @Test func sizesAndScales() {
        #expect(BlockDigits.width(of: "A042", scale: 1) == 23)
        #expect(BlockDigits.width(of: "A042", scale: 2) == 46)
        #expect(BlockDigits.height(scale: 2) == 10)
        #expect(BlockDigits.lines("A042", scale: 2).count == 10)
        #expect(BlockDigits.lines("A042").allSatisfy { $0.count == 23 })
        #expect(BlockDigits.scale(for: "A042", width: 30, height: 5) == 1)
        #expect(BlockDigits.scale(for: "A042", width: 60, height: 12) == 2)
        #expect(BlockDigits.scale(for: "A042", width: 20, height: 5) == nil)
        // Lower case is drawn as upper case; unknown characters are blank.
        #expect(BlockDigits.lines("a") == BlockDigits.lines("A"))
        #expect(BlockDigits.lines("?").allSatisfy { $0.allSatisfy { $0 == " " } })
    }

    @Test func drawingKeepsTheBackgroundAndClips() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 6))
        buffer.write("xxxxxxxxxx", x: 0, y: 0)
        BlockDigits.draw("11", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 8, height: 6), into: &buffer)
        #expect(buffer.rowText(0) == "xx█xxxxxxx")
        #expect(buffer.rowText(4) == " ███   █")
    }
}
