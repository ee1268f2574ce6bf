import Testing
@testable import CounterTUI

@Suite struct NavigationTests {
    @Test func screenStackNeverPopsTheRoot() {
        var stack = ScreenStack(root: "cruscotto")
        stack.push("aiuto")
        #expect(stack.top == "aiuto")
        let popped = stack.pop()
        let poppedRoot = stack.pop()
        #expect(popped)
        #expect(!poppedRoot)
        #expect(stack.top == "cruscotto")
        #expect(stack.isAtRoot)
    }

    @Test func focusRingGoesRoundBothWays() {
        var ring = FocusRing(["cognome", "nome", "elenco"])
        ring.previous()
        #expect(ring.focused == "elenco")
        ring.next()
        ring.next()
        #expect(ring.focused == "nome")
        ring.focus("elenco")
        #expect(ring.focused == "elenco")
    }

    @Test(arguments: [Style.header, .selection, .focusedField, .error, .warning, .ok, .dim, .keyLabel, .title])
    func meaningfulStylesStayVisibleInMonochrome(_ style: Style) {
        #expect(!style.monochrome.isEmpty)
    }

    @Test func selectionAndErrorsAreReverseVideoInMonochrome() {
        #expect(Style.selection.monochrome.contains(.reverse))
        #expect(Style.error.monochrome.contains(.reverse))
        #expect(Style.error.monochrome != Style.selection.monochrome)
    }

    @Test func dialogIsCentredAndFramed() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 40, rows: 9))
        Dialog.draw(into: &buffer, within: buffer.area, title: "Uscita", lines: ["Uscire?"], hint: "Esc annulla")
        let expected = [
            "",
            "",
            "            ┌─ Uscita ────┐",
            "            │ Uscire?     │",
            "            │             │",
            "            │ Esc annulla │",
            "            └─────────────┘",
            "",
            "",
        ]
        #expect(buffer.text == expected.joined(separator: "\n") + "\n")
    }
}
