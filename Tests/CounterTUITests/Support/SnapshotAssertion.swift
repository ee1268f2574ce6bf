import Foundation
import Testing

/// Compares a screen with its golden file `__Snapshots__/NAME.txt`. On a mismatch the failure
/// shows both screens and the differing rows; `RECORD_SNAPSHOTS=1` writes the file instead.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        return
    }
    guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
        Issue.record("Golden file \(url.lastPathComponent) missing: run with RECORD_SNAPSHOTS=1.\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    Issue.record(Comment(rawValue: Comparison.report(expected: expected, actual: actual, name: name)), sourceLocation: sourceLocation)
}

enum Comparison {
    static func report(expected: String, actual: String, name: String) -> String {
        let expectedRows = expected.components(separatedBy: "\n")
        let actualRows = actual.components(separatedBy: "\n")
        var diff: [String] = []
        for index in 0..<max(expectedRows.count, actualRows.count) {
            let left = index < expectedRows.count ? expectedRows[index] : "<nessuna riga>"
            let right = index < actualRows.count ? actualRows[index] : "<nessuna riga>"
            if left != right {
                diff.append(String(format: "%3d - %@", index, left))
                diff.append(String(format: "%3d + %@", index, right))
            }
        }
        return """
        Screen differs from \(name).txt (re-record with RECORD_SNAPSHOTS=1)
        --- expected
        \(expected)--- actual
        \(actual)--- differing rows (- expected, + actual)
        \(diff.joined(separator: "\n"))
        """
    }
}
