import Testing
@testable import CounterTUI

@Suite struct FrameDiffTests {
    func frame(field: String) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 40, rows: 5))
        buffer.write("Cognome:", x: 0, y: 1)
        buffer.write(TextLayout.pad(field, toWidth: 20), x: 10, y: 1, style: .field)
        buffer.write("王小明 Niccolò", x: 0, y: 3)
        return buffer
    }

    @Test func identicalFrameWritesNothing() {
        #expect(frame(field: "Rossi").changes(from: frame(field: "Rossi")).isEmpty)
    }

    @Test func changingOneFieldWritesOnlyItsChangedCells() {
        let changes = frame(field: "Rossini").changes(from: frame(field: "Rossi"))
        #expect(changes.map(\.x) == [15, 16])
        #expect(changes.allSatisfy { $0.y == 1 })
    }

    @Test func firstFrameWritesEveryCellButSkipCells() {
        let next = frame(field: "Rossi")
        #expect(next.changes(from: nil).count == 40 * 5 - 3)
    }

    @Test func virtualTerminalCountsCellsAndRebuildsTheScreen() {
        let terminal = VirtualTerminal(columns: 40, rows: 5)
        terminal.draw(frame(field: "Rossi"))
        terminal.draw(frame(field: "Rossini"))
        #expect(terminal.cellsWrittenLastFrame == 2)
        #expect(terminal.rowText(1) == "Cognome:  Rossini")
        #expect(terminal.rowText(3) == "王小明 Niccolò")
        #expect(terminal.style(x: 10, y: 1) == .field)
        terminal.requestFullRedraw()
        terminal.draw(frame(field: "Rossini"))
        #expect(terminal.cellsWrittenLastFrame == 40 * 5 - 3)
    }

    @Test func narrowTextReplacingAWideGlyphRewritesBothCells() {
        var before = ScreenBuffer(size: TerminalSize(columns: 4, rows: 1))
        before.write("王", x: 0, y: 0)
        var after = ScreenBuffer(size: TerminalSize(columns: 4, rows: 1))
        after.write("ab", x: 0, y: 0)
        #expect(after.changes(from: before).map(\.x) == [0, 1])
    }
}
