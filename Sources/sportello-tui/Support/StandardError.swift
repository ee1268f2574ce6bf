import Foundation

/// Writes to stderr without going through `print`, which only knows stdout.
enum StandardError {
    static func writeLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
