import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui bench offline-sync [--days 5] [--per-day 1000] [--url URL] [--json]`: a
/// counter works offline for D working days at N outbox events a day (contacts created and
/// edited, visits with their history, session events, each through the store's own write
/// path with its outbox event), while another station keeps working online on the same
/// registry; then the counter reconnects and runs sync exchanges until its outbox is empty
/// and its pull has caught up. Prints the catch-up time and events/s (goal: < 30 s for
/// 5 × 1,000). The central side is a new embedded file, or with `--url` (a PostgreSQL server,
/// a user that may create databases) a new database on that server, dropped at the end.
struct BenchOfflineSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offline-sync",
        abstract: "Postazione offline per D giorni a N eventi al giorno, poi il recupero della sincronizzazione.")

    @Option(help: "Giorni lavorativi offline.")
    var days = 5

    @Option(name: .customLong("per-day"), help: "Eventi al giorno della postazione offline.")
    var perDay = 1_000

    @Option(help: "Contatti nel registro condiviso all'inizio.")
    var registry = 2_000

    @Option(help: ArgumentHelp("Server PostgreSQL (un utente che può creare database): postgresql://UTENTE@HOST:PORTA/DB.",
                               valueName: "URL"))
    var url: String?

    @Option(help: "Seme del generatore.")
    var seed: UInt64 = 5

    @Flag(help: "Prima del recupero il database centrale elimina tutto il registro delle modifiche: la postazione si ripristina dall'istantanea.")
    var reset = false

    @Flag(help: "Uscita JSON.")
    var json = false

    struct Output: Encodable {
        let backend: String
        let days: Int
        let perDay: Int
        let offlineEvents: Int
        let onlineChanges: Int
        let offlineWriteSeconds: Double
        let exchanges: Int
        let reset: Bool
        let resetRows: Int
        let sent: Int
        let duplicates: Int
        let refused: Int
        let received: Int
        let own: Int
        let conflicts: Int
        let catchUpSeconds: Double
        let eventsPerSecond: Double
        let goalSeconds: Double
        let load: String

        enum CodingKeys: String, CodingKey {
            case backend, days, exchanges, reset, sent, duplicates, refused, received, own, conflicts, load
            case perDay = "per_day"
            case resetRows = "reset_rows"
            case offlineEvents = "offline_events"
            case onlineChanges = "online_changes"
            case offlineWriteSeconds = "offline_write_seconds"
            case catchUpSeconds = "catch_up_seconds"
            case eventsPerSecond = "events_per_second"
            case goalSeconds = "goal_seconds"
        }
    }

    func run() async throws {
        guard days > 0, perDay > 0, registry > 0 else { throw CommandFailure.usage("i conteggi devono essere positivi") }
        let folder = NSTemporaryDirectory() + "sportello-bench-offline-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = SimulationClock(Date(timeIntervalSince1970: 1_795_417_200)) // Monday 2026-11-23 07:00Z
        guard let url else {
            let central = try CentralDatabase.create(at: folder + "/central.sqlite", officeName: "Bench", clock: clock)
            defer { try? central.close() }
            return try await measure(SQLiteSyncCentral(central: central), backend: "sqlite", folder: folder, clock: clock)
        }
        let server: PostgresCentralURL
        do { server = try PostgresCentralURL(parsing: url) } catch { throw CommandFailure.usage(error.description) }
        let name = "sportello_bench_offline_\(getpid())"
        let target = server.with(database: name)
        do {
            try await PostgresCentralAdmin.execute(server, sql: "DROP DATABASE IF EXISTS \"\(name)\"")
            try await PostgresCentralAdmin.execute(server, sql: "CREATE DATABASE \"\(name)\"")
        } catch {
            throw error.commandFailure
        }
        do {
            _ = try await CentralMigrator.migrate(target)
            let central = try await PostgresCentral.connect(target)
            defer { central.shutdown() }
            try await measure(PostgresSyncCentral(central: central, clock: clock), backend: "postgresql", folder: folder, clock: clock)
            try await PostgresCentralAdmin.execute(server, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        } catch {
            try? await PostgresCentralAdmin.execute(server, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            if let error = error as? PostgresCentralError { throw error.commandFailure }
            throw error
        }
    }

    private func measure(_ central: any SyncCentral, backend: String, folder: String, clock: SimulationClock) async throws {
        let location = try CentralLocation.parse("sqlite://" + folder + "/central.sqlite").get()
        func station(_ id: String, counter: Int) throws -> AppDatabase {
            let store = try AppDatabase.create(at: folder + "/\(id).sqlite", clock: clock)
            try store.saveStationIdentity(StationConfig(officeName: "Bench", stationID: id, kind: .counter, counter: counter,
                                                        central: location))
            return store
        }
        let offline = try station("bench-offline", counter: 1), online = try station("bench-online", counter: 2)
        defer { try? offline.close(); try? online.close() }
        let offlineSync = SyncEngine(store: offline, central: central, station: "bench-offline")
        let onlineSync = SyncEngine(store: online, central: central, station: "bench-online")
        let offlineContext = AccessContext(operatorUsername: "op-offline", stationID: "bench-offline", purpose: .service)
        let onlineContext = AccessContext(operatorUsername: "op-online", stationID: "bench-online", purpose: .service)

        // The shared registry before the counter goes offline: imported elsewhere, pulled by both.
        var generator = BenchContactsGenerator(seed: seed)
        var next = 0
        _ = try online.importContacts(
            next: {
                guard next < registry else { return nil }
                defer { next += 1 }
                let details = generator.next(index: next)
                return .accepted(line: next + 2, details: details, identity: ContactImportIdentity.key(for: details), warnings: [])
            },
            source: "bench", context: AccessContext(operatorUsername: "bench", stationID: "bench-online", purpose: .administration),
            expectedRows: registry, record: { _, _ in })
        try await onlineSync.once()
        try await offlineSync.once()
        var ids: [ContactID] = []
        _ = try offline.forEachContact(context: offlineContext) { stored in ids.append(stored.contact.id) }

        // D working days offline; the other station works online meanwhile (a quarter as much).
        var random = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func roll(_ bound: Int) -> Int {
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return Int(random % UInt64(bound))
        }
        let today = CivilDate(year: 2026, month: 11, day: 23)!
        func edited(_ store: AppDatabase, _ id: ContactID, _ context: AccessContext, note: String) throws {
            var draft = ContactDraft(editing: try store.contact(id.rawValue, context: context).contact.details)
            draft.warningsConfirmed = true
            draft.notes = note
            _ = try store.updateContact(id, with: draft.validated(today: today), context: context)
        }
        let workday: TimeInterval = 8 * 3_600
        let sessionKinds: [SessionEventKind] = [.login, .lock, .unlock, .logout]
        var offlineEvents = 0, onlineChanges = 0, writeSeconds = 0.0
        let timer = ContinuousClock()
        for day in 0..<days {
            let morning = Date(timeIntervalSince1970: 1_795_417_200 + Double(day) * 86_400)
            var dayEvents = 0, session = 0
            let writeStart = timer.now
            while dayEvents < perDay {
                clock.set(morning.addingTimeInterval(workday * Double(dayEvents) / Double(perDay)))
                let dice = roll(100)
                if dice < 10 {
                    var draft = ContactDraft(editing: generator.next(index: registry + offlineEvents + dayEvents))
                    draft.warningsConfirmed = true
                    let created = try offline.createContact(draft.validated(today: today), context: offlineContext)
                    ids.append(created.id)
                    dayEvents += 1
                } else if dice < 25 {
                    try edited(offline, ids[roll(ids.count)], offlineContext, note: "offline giorno \(day + 1)")
                    dayEvents += 1
                } else if dice < 75 {
                    _ = try offline.appendContactHistory(ids[roll(ids.count)], kind: .ticket, summary: "A\(100 + dayEvents % 900)",
                                                         context: offlineContext)
                    dayEvents += 2
                } else {
                    try offline.recordSessionEvent(sessionKinds[session % sessionKinds.count], operator: "op-offline")
                    session += 1
                    dayEvents += 1
                }
            }
            writeSeconds += BenchContactsCommand.seconds(timer.now - writeStart)
            offlineEvents += dayEvents
            for step in 0..<max(1, perDay / 4) {
                clock.set(morning.addingTimeInterval(workday * Double(step) / Double(max(1, perDay / 4)) + 1))
                let id = ids[roll(min(ids.count, registry))]
                if roll(2) == 0 {
                    try edited(online, id, onlineContext, note: "online giorno \(day + 1)")
                } else {
                    _ = try online.appendContactHistory(id, kind: .intake, summary: "pratica", context: onlineContext)
                }
                onlineChanges += 1
            }
            try await onlineSync.once()
        }

        // Reconnected: exchanges until the outbox is empty and the pull is caught up.
        clock.set(Date(timeIntervalSince1970: 1_795_417_200 + Double(days) * 86_400))
        if reset { _ = try await central.prune(keepDays: 0, at: clock.now()) }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        var total = SyncReport(), exchanges = 0
        let start = timer.now
        repeat {
            let report = try await offlineSync.once()
            total.push.add(report.push)
            total.pull.add(report.pull)
            total.reset = total.reset || report.reset
            total.resetRows += report.resetRows
            exchanges += 1
        } while try offline.outboxCount() > 0 && exchanges < 20
        let seconds = BenchContactsCommand.seconds(timer.now - start)
        let output = Output(
            backend: backend, days: days, perDay: perDay, offlineEvents: offlineEvents, onlineChanges: onlineChanges,
            offlineWriteSeconds: writeSeconds, exchanges: exchanges, reset: total.reset, resetRows: total.resetRows,
            sent: total.push.applied, duplicates: total.push.duplicates,
            refused: total.push.refused, received: total.pull.applied, own: total.pull.own,
            conflicts: total.push.conflicts + total.pull.conflicts, catchUpSeconds: seconds,
            eventsPerSecond: Double(offlineEvents) / max(seconds, 0.001),
            goalSeconds: 30, load: load)
        if json { return try SyncStationSession.printJSON(output) }
        let f = BenchContactsCommand.format
        print("carico medio della macchina all'inizio del recupero: \(load) (\(ProcessInfo.processInfo.activeProcessorCount) core)")
        print("bench offline-sync (\(backend)): \(days) giorni offline × \(perDay) eventi = \(offlineEvents) eventi in attesa "
            + "(scritti in \(f(writeSeconds, 2)) s); intanto \(onlineChanges) modifiche di un'altra postazione")
        print("recupero in \(exchanges) sincronizzazioni: inviati \(total.push.applied) eventi (\(total.push.refused) rifiutati), "
            + "ricevute \(total.pull.applied) modifiche e \(total.pull.own) proprie, conflitti \(output.conflicts)"
            + (total.reset ? "; ripristino dall'istantanea: \(total.resetRows) contatti" : ""))
        print("tempo di recupero: \(f(seconds, 2)) s (obiettivo < 30 s) = \(Int(output.eventsPerSecond)) eventi in attesa recuperati al secondo")
    }
}
