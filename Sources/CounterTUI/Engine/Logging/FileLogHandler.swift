import Foundation
import Logging

/// A swift-log handler writing one line per event to a `RotatingLogFile`, so nothing reaches
/// stdout or stderr while curses owns the screen.
public struct FileLogHandler: LogHandler {
    public let label: String
    public let file: RotatingLogFile
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    public init(label: String, file: RotatingLogFile) {
        self.label = label
        self.file = file
    }

    /// Installs the handler for every logger of the process, writing to `HOME/logs/sportello.log`.
    public static func bootstrap(home: URL, maxBytes: Int = 1_000_000, keep: Int = 5) throws -> RotatingLogFile {
        let file = try RotatingLogFile(url: home.appendingPathComponent("logs").appendingPathComponent("sportello.log"), maxBytes: maxBytes, keep: keep)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file) }
        return file
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = FileLogHandler.timestamp(Date())
        file.append("\(stamp) \(event.level) [\(label)] \(event.message)\(details)")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
