import CruscottoModel
import Foundation

/// The last configuration read and its version, shared by the backend's connections.
final class ConfigurationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var version: Int64 = -1
    private var config: QueueConfiguration?

    func get(version wanted: Int64) -> QueueConfiguration? {
        lock.withLock { version == wanted ? config : nil }
    }

    func set(_ config: QueueConfiguration, version: Int64) {
        lock.withLock {
            self.version = version
            self.config = config
        }
    }
}
