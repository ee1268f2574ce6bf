import ArgumentParser
import CruscottoModel
import Foundation
import GRDB
import LocalStore

/// `sportello-tui bench sync --changes N`: a station imports N contacts and pushes them to a
/// new embedded central file (one `contact.imported` event per 1,000); a second station then
/// catches up on the N changes through `SyncEngine.pull` (pages of 500, one transaction each);
/// finally the local write of a contact update with its outbox event, one at a time, as at a
/// counter (ticket closes are central operations and write no local outbox event).
struct BenchSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sincronizzazione: invio, recupero di N modifiche, scrittura locale con evento.")

    @Option(help: "Modifiche del registro da recuperare.")
    var changes = 50_000

    @Option(help: "Righe per pagina ricevuta.")
    var page = 500

    @Option(help: "Modifiche locali misurate una per una.")
    var writes = 2_000

    @Option(help: "Turni alternati della misura delle scritture locali (checkpoint fuori dal commit, nel commit, SQLite nudo).")
    var rounds = 4

    @Option(help: "Seme del generatore.")
    var seed: UInt64 = 11

    func run() async throws {
        guard changes > 0, page > 0, writes > 0 else { throw CommandFailure.usage("i conteggi devono essere positivi") }
        let folder = NSTemporaryDirectory() + "sportello-bench-sync-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = ContinuousClock()

        var generator = BenchContactsGenerator(seed: seed)
        let people = (0..<changes).map { generator.next(index: $0) }
        let identities = people.map(ContactImportIdentity.key(for:))
        let central = try CentralDatabase.create(at: folder + "/central.sqlite", officeName: "Bench")
        defer { try? central.close() }
        let sync = SQLiteSyncCentral(central: central)
        let writer = try AppDatabase.create(at: folder + "/a.sqlite")
        let reader = try AppDatabase.create(at: folder + "/b.sqlite")
        defer { try? writer.close() }

        // 1. Import at station A, then push (events expanded with the contacts' rows).
        let context = AccessContext(operatorUsername: "bench", stationID: "bench-a", purpose: .administration)
        var index = 0
        _ = try writer.importContacts(
            next: {
                guard index < people.count else { return nil }
                defer { index += 1 }
                return .accepted(line: index + 2, details: people[index], identity: identities[index], warnings: [])
            },
            source: "bench", context: context, expectedRows: changes, record: { _, _ in })
        let pushStart = clock.now
        let pushed = try await SyncEngine(store: writer, central: sync, station: "bench-a", pushBatch: 10).push()
        let pushSeconds = BenchContactsCommand.seconds(clock.now - pushStart)
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        print("carico medio della macchina all'inizio: \(load) (\(ProcessInfo.processInfo.activeProcessorCount) core)")
        print("bench sync: \(changes) contatti importati alla postazione A; invio: \(pushed.push.applied) eventi (\(pushed.pushBatches) lotti) in \(BenchContactsCommand.format(pushSeconds, 2)) s = \(Int(Double(changes) / pushSeconds)) contatti/s applicati al centrale")

        // 2. Catch-up at station B, page by page; apply time measured apart from the reads.
        let versions = SyncStationVersions(station: "bench-b", storeSchema: try reader.schemaVersion(), centralSchema: sync.knownCentralSchema)
        var applySeconds = 0.0, readSeconds = 0.0, applied = 0, pages = 0
        let catchUpStart = clock.now
        let cpuStart = Self.processCPUSeconds()
        while true {
            let t0 = clock.now
            let next = try await sync.changes(after: try reader.syncPulledPosition(), limit: page, for: versions)
            let t1 = clock.now
            applied += try reader.applySyncPage(next, station: "bench-b").applied
            applySeconds += BenchContactsCommand.seconds(clock.now - t1)
            readSeconds += BenchContactsCommand.seconds(t1 - t0)
            pages += 1
            if !next.hasMore || next.changes.isEmpty { break }
        }
        let catchUp = BenchContactsCommand.seconds(clock.now - catchUpStart)
        let cpu = Self.processCPUSeconds() - cpuStart
        print("recupero di \(applied) modifiche in \(pages) pagine da \(page): \(BenchContactsCommand.format(catchUp, 2)) s in tutto (obiettivo < 10 s); lettura dal centrale \(BenchContactsCommand.format(readSeconds, 2)) s; CPU del processo \(BenchContactsCommand.format(cpu, 2)) s (sulla macchina condivisa il resto è attesa della CPU o del disco)")
        print("applicazione delle pagine: \(BenchContactsCommand.format(applySeconds, 2)) s = \(Int(Double(applied) / applySeconds)) righe/s (obiettivo ≥ 5000); per CPU del processo: \(Int(Double(applied) / max(0.001, cpu))) righe/s")

        // 3. Local write of a change with its outbox event (synchronous = FULL), one at a time,
        // with SQLite's automatic checkpoint in the commit (the store's default) and, for
        // comparison, the checkpoints off the commit path, beside the bare one-row commit: blocks of each in
        // turn (order rotated every round) on the same store file, so the three share the
        // machine's conditions.
        let counter = AccessContext(operatorUsername: "bench", stationID: "bench-b", purpose: .service)
        var ids: [ContactID] = []
        _ = try reader.forEachContact(context: counter) { stored in
            if ids.count < writes { ids.append(stored.contact.id) }
        }
        let storePath = folder + "/b.sqlite"
        try reader.close()
        let walPages = try Self.pagesPerWrite(storePath: storePath, ids: ids, context: counter)
        print("pagine WAL per scrittura (contatto, chiavi, evento, audit): \(BenchContactsCommand.format(walPages, 1)); il checkpoint automatico di SQLite (1000 pagine) cade in una scrittura ogni \(Int(1000 / max(1, walPages)))")
        let bare = try BareCommits(path: folder + "/bare.sqlite")
        var offPath = LatencyHistogram(), inCommit = LatencyHistogram(), bareHistogram = LatencyHistogram()
        var written = 0
        let turns = max(1, rounds)
        for round in 0..<turns {
            let block = Array(ids[(round * ids.count / turns)..<((round + 1) * ids.count / turns)])
            let order: [AppDatabase.Checkpoints?] = round % 2 == 0 ? [.offCommitPath, .inCommit, nil] : [nil, .inCommit, .offCommitPath]
            for mode in order {
                switch mode {
                case .offCommitPath?:
                    offPath.merge(try Self.localWrites(storePath: storePath, checkpoints: .offCommitPath, ids: block, context: counter, first: written))
                case .inCommit?:
                    inCommit.merge(try Self.localWrites(storePath: storePath, checkpoints: .inCommit, ids: block, context: counter, first: written))
                case nil:
                    bareHistogram.merge(try bare.commits(block.count))
                }
            }
            written += block.count
        }
        try bare.close()
        func line(_ h: LatencyHistogram) -> String {
            "p50 \(BenchContactsCommand.format(h.ms(50), 2)) ms, p99 \(BenchContactsCommand.format(h.ms(99), 2)) ms, max \(BenchContactsCommand.format(h.maxMs, 2)) ms"
        }
        func ratio(_ h: LatencyHistogram) -> String { BenchContactsCommand.format(h.ms(99) / max(0.001, bareHistogram.ms(99)), 2) }
        print("scrittura locale di una modifica con il suo evento (\(written) modifiche per modo, \(turns) turni alternati):")
        print("  checkpoint automatico nel commit (predefinito): \(line(inCommit)) (obiettivo p99 < 10 ms); rapporto p99 \(ratio(inCommit))")
        print("  checkpoint fuori dal commit (alternativa): \(line(offPath)); rapporto p99 \(ratio(offPath))")
        print("riferimento SQLite nudo (una riga per transazione, WAL, synchronous FULL): \(line(bareHistogram))")
    }

    /// Updates of the given contacts on the store file opened with `checkpoints`, one
    /// transaction each, timed one by one.
    static func localWrites(storePath: String, checkpoints: AppDatabase.Checkpoints, ids: [ContactID],
                            context: AccessContext, first: Int) throws -> LatencyHistogram {
        let store = try AppDatabase.open(at: storePath, checkpoints: checkpoints)
        defer { try? store.close() }
        let clock = ContinuousClock()
        var histogram = LatencyHistogram()
        for (offset, id) in ids.enumerated() {
            let stored = try store.contact(id.rawValue, context: context).contact
            var draft = ContactDraft(editing: stored.details)
            draft.warningsConfirmed = true
            draft.notes = "nota \(first + offset) \(checkpoints)"
            let validation = draft.validated(today: CivilDate(year: 2026, month: 11, day: 30)!)
            let t = clock.now
            try store.updateContact(id, with: validation, context: context)
            histogram.record(clock.now - t)
        }
        return histogram
    }

    /// WAL pages one local write adds (20 writes after a truncating checkpoint).
    static func pagesPerWrite(storePath: String, ids: [ContactID], context: AccessContext) throws -> Double {
        let store = try AppDatabase.open(at: storePath, checkpoints: .inCommit)
        defer { try? store.close() }
        let sample = try ids.prefix(20).map { id in
            var draft = ContactDraft(editing: try store.contact(id.rawValue, context: context).contact.details)
            draft.warningsConfirmed = true
            draft.notes = "misura"
            return (id, draft.validated(today: CivilDate(year: 2026, month: 11, day: 30)!))
        }
        // Only the updates are in the WAL that is counted (reading a contact records its access).
        try store.checkpoint()
        for (id, validation) in sample { try store.updateContact(id, with: validation, context: context) }
        return Double(try store.walFrames()) / Double(max(1, sample.count))
    }

    /// User and system CPU time of the whole process.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The baseline on the same disk: one row per transaction, WAL, synchronous = FULL,
    /// nothing else (the floor a durable commit costs here).
    final class BareCommits {
        let database: DatabaseQueue
        var written = 0

        init(path: String) throws {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)") }
        }

        func commits(_ count: Int) throws -> LatencyHistogram {
            let clock = ContinuousClock()
            var histogram = LatencyHistogram()
            for _ in 0..<count {
                let t = clock.now
                try database.write { db in try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: ["nota \(written)"]) }
                histogram.record(clock.now - t)
                written += 1
            }
            return histogram
        }

        func close() throws { try database.close() }
    }
}
