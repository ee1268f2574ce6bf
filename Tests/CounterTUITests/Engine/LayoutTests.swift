import Testing
@testable import CounterTUI

@Suite struct LayoutTests {
    @Test func fixedAndMinShareTheRows() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 80, height: 24), .rows, [.fixed(1), .min(3), .fixed(1), .fixed(1)])
        #expect(parts.map(\.height) == [1, 21, 1, 1])
        #expect(parts.map(\.y) == [0, 1, 22, 23])
    }

    @Test func percentAndMinShareTheColumns() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 120, height: 10), .columns, [.percent(45), .min(20)])
        #expect(parts.map(\.width) == [54, 66])
        #expect(parts[1].x == 54)
    }

    @Test func shortRoomShrinksTheLastParts() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), .columns, [.fixed(6), .fixed(6), .min(2)])
        #expect(parts.map(\.width) == [6, 4, 0])
    }

    @Test func listStateKeepsTheSelectionVisible() {
        var state = ListState()
        for _ in 0..<7 { state.moveDown(count: 10, visibleRows: 5) }
        #expect(state.selected == 7)
        #expect(state.offset == 3)
        state.pageUp(count: 10, visibleRows: 5)
        #expect(state.selected == 3)
        #expect(state.offset == 3)
        state.moveDown(count: 10, visibleRows: 5)
        state.pageDown(count: 10, visibleRows: 5)
        state.pageDown(count: 10, visibleRows: 5)
        #expect(state.selected == 9)
        #expect(state.offset == 5)
    }

    @Test func functionKeyBarShowsOnlyGivenFunctionKeysOncePerAction() {
        let help = testBindings.help(for: "any")
        var buffer = ScreenBuffer(size: TerminalSize(columns: 80, rows: 1))
        FunctionKeyBar.draw(into: &buffer, row: buffer.area, help: help.filter { $0.action != "app.help" })
        #expect(buffer.rowText(0) == "F3 Esci  F12 Annulla")
        #expect(buffer[0, 0].style == .keyLabel)
    }
}
