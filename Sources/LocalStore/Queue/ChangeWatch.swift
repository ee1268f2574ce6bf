import Foundation
import GRDB

/// Tells whether another process has committed to the embedded central file since the last
/// look, by polling `PRAGMA data_version` on one dedicated read-only connection (the value is
/// per connection and changes only when another connection commits; GRDB's observation does
/// not see other processes' writes). The boards and the queue panel ask it every 25 ms through
/// their wake-up source and re-read the queue only when it says so.
///
/// Errors never leave it stuck: the connection is dropped and reopened on the next poll, and
/// a file replaced on disk (another inode, e.g. restored from a backup) is reopened too.
public final class ChangeWatch: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var connection: DatabaseQueue?
    private var inode: UInt64?
    private var lastVersion: Int64?

    public init(path: String) {
        self.path = path
    }

    /// True on the first poll, after a reopen, and whenever another connection committed
    /// since the previous poll. Throws when the file cannot be read now.
    public func poll() throws -> Bool {
        try lock.withLock {
            do {
                let currentInode = try Self.inode(of: path)
                if connection == nil || currentInode != inode {
                    var configuration = Configuration()
                    configuration.readonly = true
                    configuration.label = "central-change-watch"
                    configuration.busyMode = .timeout(2)
                    connection = try DatabaseQueue(path: path, configuration: configuration)
                    inode = currentInode
                    lastVersion = nil
                }
                let version = try connection!.read { db in
                    try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                }
                defer { lastVersion = version }
                return version != lastVersion
            } catch {
                connection = nil
                inode = nil
                lastVersion = nil
                throw error
            }
        }
    }

    private static func inode(of path: String) throws -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "\(path): \(String(cString: strerror(errno)))")
        }
        return UInt64(info.st_ino)
    }
}
