import Foundation
import Testing
@testable import CounterTUI

@Suite("Keymap files in the repository and the keymap commands' logic")
struct KeymapResourceTests {
    typealias Support = KeymapTestSupport

    static func repositoryText(_ path: String) throws -> String {
        try String(contentsOf: Support.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("the embedded default equals keymaps/default.toml (re-run scripts/embed-resource)")
    func embeddedDefaultIsCurrent() throws {
        // A multi-line string literal ends before the newline that precedes its closing
        // delimiter, so the embedded text is the file without its final newline.
        #expect(DefaultKeymapText.text + "\n" == (try Self.repositoryText("keymaps/default.toml")))
    }

    @Test("KEYS.md equals what `keymap doc` generates (re-run sportello-tui keymap doc)")
    func keysDocumentIsCurrent() throws {
        let generated = KeymapDocument.markdown(for: try Keymap.loadDefault())
        #expect(generated == (try Self.repositoryText("KEYS.md")))
    }

    @Test("keymap check keymaps/default.toml succeeds")
    func checkDefault() {
        let path = Support.repositoryRoot.appendingPathComponent("keymaps/default.toml").path
        guard case .valid(let line) = KeymapCheck.run(path: path) else {
            Issue.record("the default keymap is refused: \(KeymapCheck.run(path: path))")
            return
        }
        #expect(line.hasPrefix("ok: "))
    }

    @Test("keymap check refuses S-F1 and F13 in one scope, naming both lines")
    func checkConflict() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("x.toml")
        try "[global]\n\"S-F1\" = \"app.help\"\n\"F13\" = \"app.refresh\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = KeymapCheck.run(path: file.path)
        guard case .rejected(let lines) = result else {
            Issue.record("expected a rejection, got \(result)")
            return
        }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(file.path):3: chiave \"F13\": ") == true)
        #expect(lines.first?.contains("riga 2") == true)
        #expect(lines.first?.contains("riga 3") == true)
    }

    @Test("keymap check on a missing file is an environment error")
    func checkUnreadable() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = KeymapCheck.run(path: directory.appendingPathComponent("manca.toml").path)
        guard case .unreadable(let message) = result else {
            Issue.record("expected unreadable, got \(result)")
            return
        }
        #expect(message.contains("manca.toml"))
    }

    @Test("CRLF line endings keep line numbers right")
    func crlfLines() {
        let issues = Support.issues("[global]\r\n\"F1\" = \"app.help\"\r\n\"Xyz\" = \"app.help\"\r\n")
        #expect(issues.map(\.line) == [3])
    }
}
