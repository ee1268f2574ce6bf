import Testing
@testable import CounterTUI

@Suite struct ScreenBufferTests {
    @Test func wideGlyphTakesTwoCellsAndASkipCell() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        let written = buffer.write("王a", x: 0, y: 0)
        #expect(written == 3)
        #expect(buffer[0, 0].text == "王")
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isSkip)
        #expect(buffer[2, 0].text == "a")
        #expect(buffer.rowText(0) == "王a")
    }

    @Test func combiningMarksStayInOneCell() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        #expect(buffer.write("Nicolo\u{0300}!", x: 0, y: 0) == 7)
        #expect(buffer[5, 0].text == "ò")
        #expect(buffer[6, 0].text == "!")
    }

    @Test func zwjFamilyAndFlagAreDrawnAsFallback() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        buffer.write("👨‍👩‍👧🇮🇹x", x: 0, y: 0)
        #expect(buffer.rowText(0) == "\u{FFFD}\u{FFFD}x")
    }

    @Test func wideGlyphCutByTheLimitBecomesASpace() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        buffer.fill(buffer.area)
        let written = buffer.write("ab王", x: 0, y: 0, maxWidth: 3, style: .selection)
        #expect(written == 3)
        #expect(buffer[2, 0].text == " ")
        #expect(buffer[2, 0].style == .selection)
        #expect(!buffer[3, 0].isSkip)
    }

    @Test func wideGlyphAtTheRightEdgeBecomesASpace() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 3, rows: 1))
        buffer.write("ab王", x: 0, y: 0)
        #expect(buffer.rowText(0) == "ab")
        #expect(buffer[2, 0].width == 1)
    }

    @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 4, rows: 1))
        buffer.write("王王", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer[0, 0].text == " ")
        #expect(buffer[1, 0].text == "x")
        #expect(buffer[2, 0].text == "王")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer[3, 0].text == " ")
        #expect(!buffer[3, 0].isSkip)
    }

    @Test(arguments: [
        ("Niccolò Rossi", 7, false, "Niccolò"),
        ("王小明", 5, false, "王小 "),
        ("王小明", 5, true, "王小…"),
        ("abcdef", 4, true, "abc…"),
        ("abc", 4, true, "abc"),
        ("Nicolo\u{0300} Bianchi", 8, true, "Nicolò…"),
    ])
    func truncationIsByDisplayWidth(_ text: String, _ width: Int, _ ellipsis: Bool, _ expected: String) {
        let result = TextLayout.truncate(text, toWidth: width, ellipsis: ellipsis)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= width)
    }

    @Test func padAlignsNumbersRight() {
        #expect(TextLayout.pad("12'", toWidth: 6, alignRight: true) == "   12'")
        #expect(TextLayout.pad("王", toWidth: 4) == "王  ")
    }

    @Test func goldenTextTrimsTrailingSpacesAndEndsWithNewline() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 5, rows: 2))
        buffer.write("a 王", x: 0, y: 1)
        #expect(buffer.text == "\na 王\n")
    }
}
