import Foundation

/// A one-line progress bar on stderr for long imports (only when stderr is a terminal).
final class ContactsProgressBar {
    private var lastShown = -1
    private let width = 40

    func show(_ fraction: Double) {
        let percent = max(0, min(100, Int(fraction * 100)))
        guard percent != lastShown else { return }
        lastShown = percent
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\rimportazione [\(bar)] \(percent)%".utf8))
        if percent == 100 {
            FileHandle.standardError.write(Data("  indici…".utf8))
        }
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
