import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Keeps the WAL checkpoints of a station's store off the commit path
/// (`AppDatabase.Checkpoints.offCommitPath`, not the default: measured worse at p99 on this
/// disk, docs/BENCHMARKS.md; kept so that `bench sync` compares the two wherever it runs).
///
/// SQLite's automatic checkpoint runs inside the commit that finds the WAL past
/// `wal_autocheckpoint` pages (1,000): that commit also copies the WAL into the database file
/// and syncs it. A contact change with its outbox event and audit row writes about ten
/// pages, so one local write in about a hundred pays a checkpoint, near the p99 of the local write
/// (docs/BENCHMARKS.md, "Local write of a change with its outbox event"). Here the writer's WAL hook
/// only looks at the WAL's size after each commit: past `softPages` a passive checkpoint runs
/// on a connection of its own, on a background queue (a passive checkpoint takes no lock that
/// writers or readers wait for); past `hardPages` (checkpoints that cannot keep up, a reader
/// holding an old snapshot) the committing writer checkpoints itself as SQLite's automatic
/// checkpoint would, so the WAL stays bounded. Durability is unchanged: a commit is durable
/// when its WAL frames are synced (`synchronous = FULL`), whoever copies them later.
final class WALCheckpointer: Sendable {
    /// 4 MiB of 4 KiB pages: SQLite's own threshold, now reached off the commit path.
    static let defaultSoftPages: Int32 = 1_000
    /// 64 MiB: past this the writer checkpoints in its commit, as SQLite would.
    static let defaultHardPages: Int32 = 16_000

    let path: String
    let softPages: Int32
    let hardPages: Int32
    private let scheduled = Atomic<Bool>(false)
    /// Used only on `queue` (and by `close`, through it).
    private let connection = Mutex<OpaquePointer?>(nil)
    private let closed = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "sportello.store.checkpoint", qos: .utility)

    init(path: String, softPages: Int32 = WALCheckpointer.defaultSoftPages, hardPages: Int32 = WALCheckpointer.defaultHardPages) {
        self.path = path
        self.softPages = softPages
        self.hardPages = hardPages
    }

    deinit {
        connection.withLock { handle in
            if let handle { sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    /// Replaces the automatic checkpoint of a writing connection with this one.
    func install(on db: Database) {
        guard !db.configuration.readonly else { return }
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, { context, handle, name, pages in
            guard let context else { return SQLITE_OK }
            Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
                .committed(pages: pages, handle: handle, name: name)
            return SQLITE_OK
        }, context)
    }

    /// Called by SQLite after each commit of the writer, with the WAL's size in pages.
    private func committed(pages: Int32, handle: OpaquePointer?, name: UnsafePointer<CChar>?) {
        if pages >= hardPages {
            _ = sqlite3_wal_checkpoint_v2(handle, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        } else if pages >= softPages, !closed.load(ordering: .relaxed),
                  scheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            queue.async { self.checkpoint() }
        }
    }

    /// A passive checkpoint on the checkpointer's own connection (opened on first use).
    private func checkpoint() {
        defer { scheduled.store(false, ordering: .releasing) }
        guard !closed.load(ordering: .relaxed) else { return }
        connection.withLock { handle in
            if handle == nil {
                var opened: OpaquePointer?
                guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
                      sqlite3_exec(opened, "PRAGMA synchronous = FULL", nil, nil, nil) == SQLITE_OK
                else {
                    // The writer's hard bound still holds the WAL: nothing is lost by waiting.
                    if let opened { sqlite3_close_v2(opened) }
                    return
                }
                handle = opened
            }
            _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
    }

    /// Tests: holds the background checkpoints (they run after `release`), waits for them.
    func hold() { queue.suspend() }
    func release() { queue.resume() }
    func waitIdle() { queue.sync {} }

    /// Stops checkpointing and closes the connection (before the store's file is moved or
    /// replaced); waits for a checkpoint under way.
    func close() {
        closed.store(true, ordering: .relaxed)
        queue.sync {
            connection.withLock { handle in
                if let handle { sqlite3_close_v2(handle) }
                handle = nil
            }
        }
    }
}
