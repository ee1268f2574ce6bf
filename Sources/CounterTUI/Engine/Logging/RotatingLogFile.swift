import Foundation

/// An append-only log file that rotates by size: `NAME` → `NAME.1` → … → `NAME.keep`, the
/// oldest dropped. Shared by every logger of the process; writes are serialised.
public final class RotatingLogFile: @unchecked Sendable {
    public let url: URL
    public let maxBytes: Int
    public let keep: Int
    private let lock = NSLock()
    private var handle: FileHandle?
    private var size = 0

    public init(url: URL, maxBytes: Int = 1_000_000, keep: Int = 5) throws {
        self.url = url
        self.maxBytes = max(1, maxBytes)
        self.keep = max(1, keep)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try open()
    }

    deinit { try? handle?.close() }

    private func open() throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        size = Int(try handle.seekToEnd())
        self.handle = handle
    }

    /// Appends one line (a newline is added), rotating first when the line would overflow.
    public func append(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        if size > 0, size + data.count > maxBytes { rotate() }
        guard let handle else { return }
        do {
            try handle.write(contentsOf: data)
            size += data.count
        } catch {
            // A full disk must not take the counter down: the line is dropped.
        }
    }

    private func rotate() {
        try? handle?.close()
        handle = nil
        let manager = FileManager.default
        try? manager.removeItem(at: rotated(keep))
        if keep > 1 {
            for index in stride(from: keep - 1, through: 1, by: -1) where manager.fileExists(atPath: rotated(index).path) {
                try? manager.moveItem(at: rotated(index), to: rotated(index + 1))
            }
        }
        try? manager.moveItem(at: url, to: rotated(1))
        try? open()
    }

    /// The path of the `index`-th older file.
    public func rotated(_ index: Int) -> URL {
        url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).\(index)")
    }
}
