import Foundation
@testable import CounterTUI

/// Shared helpers for the keymap tests.
enum KeymapTestSupport {
    /// The repository root, found from this file's location.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Keymap
        .deletingLastPathComponent()  // CounterTUITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The issues reported for `text` layered on the default (empty when it is accepted).
    static func issues(_ text: String, name: String = "x.toml") -> [KeymapIssue] {
        do {
            _ = try Keymap.load(userText: text, name: name)
            return []
        } catch let error as KeymapError {
            return error.issues
        } catch {
            return [KeymapIssue(file: name, line: nil, key: nil, message: "\(error)")]
        }
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("keymap-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
