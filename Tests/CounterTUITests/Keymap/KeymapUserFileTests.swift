import Foundation
import Testing
@testable import CounterTUI

@Suite("Loading a user keymap file")
struct KeymapUserFileTests {
    @Test("a user file is layered on the default")
    func layeredFromFile() throws {
        let directory = try KeymapTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mia.toml")
        try "[screen.cruscotto]\n\"F9\" = \"session.lock\"\n".write(to: file, atomically: true, encoding: .utf8)
        let keymap = try Keymap.load(userFile: file.path)
        #expect(keymap.action(for: .function(9), on: "cruscotto") == "session.lock")
        #expect(keymap.action(for: .ctrl("l"), on: "cruscotto") == "session.lock")
        #expect(keymap.action(for: .function(3), on: "cruscotto") == "app.exit")
    }

    @Test("a missing or non-UTF-8 file is a KeymapError naming the file")
    func unreadableFile() throws {
        let directory = try KeymapTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("manca.toml").path
        #expect(throws: KeymapError.self) { try Keymap.load(userFile: missing) }
        let latin1 = directory.appendingPathComponent("latin1.toml")
        try Data([0x5B, 0x67, 0x6C, 0x6F, 0x62, 0x61, 0x6C, 0x5D, 0x0A, 0xE8, 0x0A]).write(to: latin1)
        do {
            _ = try Keymap.load(userFile: latin1.path)
            Issue.record("a non-UTF-8 file was accepted")
        } catch let error as KeymapError {
            #expect(error.description == "\(latin1.path): il file non è in UTF-8")
        }
        guard case .unreadable = KeymapCheck.run(path: directory.path) else {
            Issue.record("a directory must be an environment error for keymap check")
            return
        }
    }
}
