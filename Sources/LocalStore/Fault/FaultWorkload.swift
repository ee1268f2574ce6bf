import CruscottoModel
import Foundation
import GRDB
import PostgresNIO

/// The fault run shared by the fault suite and `sportello-tui chaos`: K counter stations and
/// a display on one PostgreSQL office run a seeded workload of queue operations (issue, claim,
/// start, close) and registry edits (contacts created, edited at several stations, visits),
/// with syncs in between, while faults are injected; then the stations sync until quiet and
/// `check` compares every station and the display with the central database.
public final class FaultWorkload {
    public let office: FaultOffice
    /// The cluster's restart script (`SPORTELLO_TEST_PG_RESTART`), for `restartServer`.
    public let restartScript: String?
    /// The program's binary, for `crashProcess` (`sync once` in a child process).
    public let binary: String?
    public private(set) var summary = FaultSummary()
    private var rng: SeededGenerator
    private let log: (String) -> Void
    private var stations: [FaultStation] = []
    private let display: FaultDisplay
    /// Ticket id → the counters that claimed it (as answered to the stations).
    private var claimed: [Int64: [Int]] = [:]

    static let surnames = ["Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"]
    static let names = ["Mario", "Anna", "Luca", "Giulia", "Paolo", "Sara", "Marco", "Elena", "Davide", "Chiara"]
    static let services = ["ANA", "URP", "TRI", "STC"]

    public init(office: FaultOffice, seed: UInt64, restartScript: String? = nil, binary: String? = nil,
                log: @escaping (String) -> Void = { _ in }) throws {
        self.office = office
        self.restartScript = restartScript
        self.binary = binary
        self.log = log
        rng = SeededGenerator(seed: seed)
        summary.seed = seed
        summary.stations = office.stationIDs.count
        let origin = Date()
        for (index, id) in office.stationIDs.enumerated() {
            stations.append(try FaultStation(id: id, counter: index + 1, home: office.home(id), clock: office.clock(index, origin: origin)))
        }
        display = try FaultDisplay(home: office.home(FaultOffice.displayID), clock: office.clock(0, origin: origin))
    }

    /// The fault kinds this run can inject (a restart needs the script, a process crash the binary).
    public var availableFaults: [FaultKind] {
        FaultKind.allCases.filter { kind in
            switch kind {
            case .restartServer: restartScript != nil
            case .crashProcess: binary != nil
            default: true
            }
        }
    }

    public func randomFault() -> FaultKind { availableFaults.randomElement(using: &rng)! }

    public func close() {
        for station in stations { station.close() }
        display.close()
    }

    // MARK: Workload

    /// `count` operations, each at a station chosen by the seeded generator. A failure under
    /// a fault is counted and the workload goes on.
    public func run(operations count: Int) async {
        for _ in 0..<count {
            let station = stations.randomElement(using: &rng)!
            let roll = rng.unit()
            summary.operations += 1
            let began = Date()
            defer {
                let seconds = Date().timeIntervalSince(began)
                if seconds > 2 { log(String(format: "operazione lenta a %@: %.1f s (scelta %.2f)", station.id, seconds, roll)) }
            }
            do {
                switch roll {
                case ..<0.20: try await issue(at: station)
                case ..<0.42: try await serve(at: station)
                case ..<0.56: try createContact(at: station)
                case ..<0.68: try editContact(at: station)
                case ..<0.80: try visit(at: station)
                case ..<0.95: try await sync(station)
                default: await display.follow()
                }
            } catch {
                summary.operationFailures += 1
            }
        }
    }

    private func issue(at station: FaultStation) async throws {
        _ = try await station.queue.issue(IssueRequest(serviceCode: Self.services.randomElement(using: &rng)!))
    }

    /// Claims the next ticket at the station's counter, or moves the one it serves on.
    private func serve(at station: FaultStation) async throws {
        guard let serving = station.serving else {
            let claim: QueueClaim?
            do {
                claim = try await station.queue.claim(ClaimRequest(counter: station.counter, operatorID: "op-\(station.counter)"))
            } catch QueueBackendError.counterBusy(_, let number, _) {
                // The counter holds a ticket whose claim answer was lost (or the station
                // restarted): it takes that ticket back, as the cruscotto does.
                guard let parsed = TicketNumber(parsing: number) else { return }
                let held = try await station.queue.ticket(number: parsed)
                if held.counter == station.counter, held.state.isClaimed, let token = held.token {
                    station.serving = QueueClaim(ticket: held, token: token)
                    summary.resumedClaims += 1
                }
                return
            }
            guard let claim else { return }
            claimed[claim.ticket.id, default: []].append(station.counter)
            station.serving = claim
            return
        }
        let action: TicketAction = serving.ticket.state == .called
            ? .startService : .close(outcome: "servito", procedures: [], contactID: nil)
        do {
            let ticket = try await station.queue.transition(TransitionRequest(
                ticketID: serving.ticket.id, token: serving.token, action: action, counter: station.counter,
                operatorID: "op-\(station.counter)"))
            station.serving = ticket.state.isFinal ? nil : QueueClaim(ticket: ticket, token: serving.token)
        } catch let error as QueueBackendError {
            // Unanswered: try again later. Refused (the ticket moved on meanwhile): let it go.
            if case .unavailable = error {} else { station.serving = nil }
            throw error
        }
    }

    private func form(_ surname: String, _ name: String, phone: String) -> ContactValidation {
        var draft = ContactDraft()
        draft.surname = surname
        draft.name = name
        draft.sex = Bool.random(using: &rng) ? "F" : "M"
        draft.phones = [phone]
        return draft.validated(today: CivilDate(year: 2026, month: 11, day: 30)!)
    }

    private func phone() -> String { "333 \(Int.random(in: 1_000_000...9_999_999, using: &rng))" }

    private func createContact(at station: FaultStation) throws {
        _ = try station.store.createContact(
            form(Self.surnames.randomElement(using: &rng)!, Self.names.randomElement(using: &rng)!, phone: phone()),
            context: station.context)
        try station.noteOutbox()
    }

    private func randomContact(at station: FaultStation) throws -> StoredContact? {
        let ids = try station.store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM contact WHERE merged_into IS NULL ORDER BY id")
        }
        guard let id = ids.randomElement(using: &rng).flatMap(ContactID.init) else { return nil }
        return try station.store.writer.read { db in try AppDatabase.storedContact(db, id: id) }
    }

    /// A new phone number for a contact the station has (its own or pulled from another).
    private func editContact(at station: FaultStation) throws {
        guard let stored = try randomContact(at: station) else { return try createContact(at: station) }
        _ = try station.store.updateContact(stored.contact.id, with: form(stored.contact.surname, stored.contact.name, phone: phone()),
                                            context: station.context)
        try station.noteOutbox()
    }

    private func visit(at station: FaultStation) throws {
        guard let stored = try randomContact(at: station) else { return }
        _ = try station.store.appendContactHistory(stored.contact.id, kind: .ticket, summary: "visita", context: station.context)
        try station.noteOutbox()
    }

    @discardableResult
    private func sync(_ station: FaultStation) async throws -> SyncReport {
        summary.syncExchanges += 1
        do { return try await station.sync() } catch {
            summary.syncFailures += 1
            throw error
        }
    }

    // MARK: Faults

    public func inject(_ kind: FaultKind) async {
        summary.faults[kind.rawValue, default: 0] += 1
        let station = stations.randomElement(using: &rng)!
        switch kind {
        case .crashInPush:
            await crash(station, at: FaultPoint.allCases.randomElement(using: &rng)!)
        case .crashProcess:
            await crashProcess(station, at: [FaultPoint.beforeSend, .afterSend, .afterApplyAck].randomElement(using: &rng)!)
        case .terminateConnections:
            let ended = try? await ownerText("""
                SELECT count(pg_terminate_backend(pid))::text FROM pg_stat_activity
                 WHERE starts_with(usename::text, '\(office.rolePrefix)') AND pid <> pg_backend_pid()
                """)
            log("\(kind.rawValue): \(ended ?? "?") connessioni chiuse dal server")
        case .restartServer:
            guard let restartScript else { return }
            let status = (try? await ChildProcess.run(restartScript, arguments: ["restart"]))?.status ?? -1
            log("\(kind.rawValue): uscita \(status)")
        case .duplicateDeliveries:
            await redeliver(from: station)
        }
    }

    /// Stops a station in the middle of an exchange at `point` (with events to push, and for
    /// `betweenPages` more than one page to pull), then opens it again from its folder.
    public func crash(at point: FaultPoint) async {
        summary.faults[FaultKind.crashInPush.rawValue, default: 0] += 1
        await crash(stations.randomElement(using: &rng)!, at: point)
    }

    private func crash(_ station: FaultStation, at point: FaultPoint) async {
        if point == .betweenPages, let other = stations.first(where: { $0 !== station }) {
            for _ in 0..<(FaultStation.pullPage + 3) { try? createContact(at: other) }
            _ = try? await sync(other)
        }
        for _ in 0..<3 { try? createContact(at: station) }
        station.faults.arm(point, .fail)
        _ = try? await sync(station)
        let fired = station.faults.firedCount(point) > 0
        if fired { summary.crashesReached += 1 }
        station.faults.disarm()
        station.close()
        do { try station.reopen() } catch { log("riapertura di \(station.id) non riuscita: \(error)") }
        log("crash-in-push: \(station.id) al punto \(point.rawValue)\(fired ? "" : " (non raggiunto)")")
    }

    /// `sync once` of a station in a child process that ends abruptly at `point`.
    public func crashProcess(at point: FaultPoint) async {
        summary.faults[FaultKind.crashProcess.rawValue, default: 0] += 1
        await crashProcess(stations.randomElement(using: &rng)!, at: point)
    }

    private func crashProcess(_ station: FaultStation, at point: FaultPoint) async {
        guard let binary else { return }
        for _ in 0..<3 { try? createContact(at: station) }
        station.close()
        var environment = ProcessInfo.processInfo.environment
        environment["SPORTELLO_FAULT"] = "\(point.rawValue):crash"
        let status = (try? await ChildProcess.run(binary, arguments: ["sync", "once", "--home", station.home.path],
                                                  environment: environment))?.status ?? -1
        if status == FaultPoints.crashStatus { summary.crashesReached += 1 }
        do { try station.reopen() } catch { log("riapertura di \(station.id) non riuscita: \(error)") }
        log("crash-process: sync once di \(station.id) al punto \(point.rawValue), uscita \(status)"
            + (status == FaultPoints.crashStatus ? "" : " (arresto non raggiunto)"))
    }

    /// Sends again, shuffled, events of the station the central side has already applied:
    /// each must be answered "duplicate".
    private func redeliver(from station: FaultStation) async {
        guard let applied = try? await appliedIDs(station: station.id) else { return log("ripetizione: server non raggiungibile") }
        var events = station.sent.values.filter { applied.contains($0.id) }.sorted { $0.id < $1.id }
        events.shuffle(using: &rng)
        let resent = Array(events.prefix(12))
        guard !resent.isEmpty, let link = station.station.postgres else { return }
        do {
            let central = PostgresSyncCentral(central: try await link.connected(), clock: station.clock)
            let versions = SyncStationVersions(station: station.id, storeSchema: try station.store.schemaVersion(),
                                               centralSchema: central.knownCentralSchema)
            let acks = try await PostgresDeadline.within(30) { try await central.push(resent, from: versions) }
            summary.redelivered += resent.count
            let twice = acks.filter { $0.outcome != .duplicate }.count
            summary.eventsDuplicated += twice
            log("duplicate-deliveries: \(resent.count) eventi di \(station.id) inviati di nuovo, \(twice) non riconosciuti come doppi")
        } catch {
            log("duplicate-deliveries: invio non riuscito (\(error))")
        }
    }

    // MARK: Healing and the check

    /// Syncs every station (and the display) until a whole round moves nothing.
    public func heal(timeoutSeconds: Double = 120) async {
        for station in stations { station.faults.disarm() }
        let started = Date()
        while Date().timeIntervalSince(started) < timeoutSeconds {
            var quiet = true
            for station in stations {
                do {
                    let report = try await sync(station)
                    let moved = report.push.applied + report.push.duplicates + report.push.refused
                        + report.pull.applied + report.pull.own + report.pull.conflicts + report.pull.deadLetters
                    let waiting = try station.store.outboxCount()
                    if moved > 0 || waiting > 0 { quiet = false }
                } catch {
                    quiet = false
                }
            }
            if await !display.follow() { quiet = false }
            if quiet {
                summary.healed = true
                break
            }
            try? await Task.sleep(for: .milliseconds(300))
        }
        summary.healSeconds = (Date().timeIntervalSince(started) * 10).rounded() / 10
    }

    /// Runs `body` on a connection of the database's owner, opened for this call only (the
    /// server may have restarted since the last one).
    private func owner<T: Sendable>(bound: Double = 30,
                                    _ body: @escaping @Sendable (PostgresCentral) async throws -> T) async throws -> T {
        let central = try await PostgresCentral.connect(office.ownerURL, maximumConnections: 1)
        defer { central.shutdown() }
        return try await PostgresDeadline.within(bound) { try await body(central) }
    }

    /// `bound`: 30 s during the workload; the check reads whole tables after an hour of chaos
    /// and gets a generous bound instead (still not a hang).
    private func checkText(_ sql: String) async throws -> String { try await ownerText(sql, bound: 300) }

    private func ownerText(_ sql: String, bound: Double = 30) async throws -> String {
        try await owner(bound: bound) { central in try await central.text(PostgresQuery(unsafeSQL: sql)) ?? "" }
    }

    private func appliedIDs(station: String) async throws -> Set<String> {
        let text = try await ownerText("""
            SELECT coalesce(string_agg(id, ','), '') FROM sportello.sync_applied_event WHERE station = '\(station)'
            """)
        return Set(text.split(separator: ",").map(String.init))
    }

    private static func pushDeadLetters(_ store: AppDatabase) throws -> Int {
        try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_dead_letter WHERE direction = 'push'") ?? 0
        }
    }

    /// The station's contacts with the central version each was last synced at.
    private static func registry(_ store: AppDatabase) throws -> [String: (StoredContact, Int64)] {
        try store.writer.read { db in
            var rows: [String: (StoredContact, Int64)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, sync_version FROM contact") {
                let id: String = row["id"]
                guard let contactID = ContactID(id), let stored = try AppDatabase.storedContact(db, id: contactID) else { continue }
                rows[id] = (stored, row["sync_version"] ?? 0)
            }
            return rows
        }
    }

    private struct CentralContact: Decodable {
        var id: String
        var doc: String
        var mergedInto: String?
        var version: Int64
    }

    /// Compares every station and the display with the central database.
    public func check() async throws -> FaultSummary {
        var result = summary
        // Events: every id written is applied centrally (none refused, none still waiting).
        let appliedList = try await checkText("SELECT coalesce(string_agg(id, ','), '') FROM sportello.sync_applied_event")
            .split(separator: ",").map(String.init)
        let applied = Set(appliedList)
        result.eventsDuplicated += appliedList.count - applied.count
        var written = Set<String>()
        for station in stations {
            try station.noteOutbox()
            written.formUnion(station.written)
            result.eventsRefused += try Self.pushDeadLetters(station.store)
        }
        result.eventsWritten = written.count
        result.eventsApplied = written.intersection(applied).count
        result.eventsLost = written.subtracting(applied).count

        // The registry: each station holds the central rows, with their versions.
        let json = try await checkText("""
            SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'doc', doc::text, 'merged_into', merged_into,
                                                         'version', version)), '[]')::text FROM sportello.sync_contact
            """)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let central = try decoder.decode([CentralContact].self, from: Data(json.utf8))
        result.contacts = central.count
        let contactDecoder = SyncContactJSON.decoder()
        let contactEncoder = SyncContactJSON.encoder()
        var centralContacts: [String: (Contact, String?, Int64)] = [:]
        for row in central {
            centralContacts[row.id] = (try contactDecoder.decode(Contact.self, from: Data(row.doc.utf8)), row.mergedInto, row.version)
        }
        for station in stations {
            let local = try Self.registry(station.store)
            for id in Set(local.keys).union(centralContacts.keys) {
                let difference: String
                if let mine = local[id], let theirs = centralContacts[id] {
                    // Compared as they travel (instants to the millisecond, as the stores keep them).
                    let local = try contactEncoder.encode(mine.0.contact), remote = try contactEncoder.encode(theirs.0)
                    if local != remote {
                        difference = "dati diversi (\(String(decoding: local, as: UTF8.self)) / \(String(decoding: remote, as: UTF8.self)))"
                    } else if mine.0.mergedInto?.rawValue != theirs.1 {
                        difference = "unione diversa"
                    } else if mine.1 != theirs.2 {
                        difference = "versione \(mine.1), nel centrale \(theirs.2)"
                    } else {
                        continue
                    }
                } else {
                    difference = local[id] == nil ? "assente nella postazione" : "assente nel centrale"
                }
                result.registryMismatches += 1
                if result.registryMismatches <= 5 { log("registro: \(station.id), contatto \(id): \(difference)") }
            }
        }
        result.versionGaps = Int(try await checkText("""
            SELECT ((SELECT count(*) FROM sportello.sync_contact c
                       LEFT JOIN (SELECT row_id, count(*) AS n FROM sportello.sync_change
                                   WHERE table_name = 'contact' GROUP BY row_id) s ON s.row_id = c.id
                      WHERE c.version <> coalesce(s.n, 0))
                  + (SELECT count(*) FROM (SELECT 1 FROM sportello.sync_change GROUP BY table_name, row_id, version
                                            HAVING count(*) > 1) AS twice))::text
            """)) ?? -1

        // The queue: no ticket called twice (the central change log and the stations' answers).
        result.claims = Int(try await checkText("SELECT count(*)::text FROM sportello.queue_change WHERE kind = 'call'")) ?? 0
        let calledTwice = Int(try await checkText("""
            SELECT count(*)::text FROM (SELECT 1 FROM sportello.queue_change WHERE kind = 'call'
                                         GROUP BY ticket->>'id' HAVING count(*) > 1) AS twice
            """)) ?? -1
        result.doubleClaims = calledTwice + claimed.values.filter { $0.count > 1 }.count

        // The display: each ticket in its central state, and the same waiting lines.
        let states = try await checkText("""
            SELECT coalesce(string_agg(id::text || ':' || state, ','), '') FROM sportello.queue_ticket
            """)
        var centralStates: [Int64: String] = [:]
        for item in states.split(separator: ",") {
            let parts = item.split(separator: ":")
            if parts.count == 2, let id = Int64(parts[0]) { centralStates[id] = String(parts[1]) }
        }
        result.tickets = centralStates.count
        let shown = display.tickets.mapValues(\.state.rawValue)
        result.displayMismatches = Set(shown.keys).union(centralStates.keys).filter { shown[$0] != centralStates[$0] }.count
        let waiting = try await checkText("""
            SELECT coalesce(string_agg(service_code || ':' || n, ','), '') FROM
              (SELECT service_code, count(*) AS n FROM sportello.queue_ticket WHERE state = 'waiting' GROUP BY 1) AS w
            """)
        var centralWaiting: [String: Int] = [:]
        for item in waiting.split(separator: ",") {
            let parts = item.split(separator: ":")
            if parts.count == 2 { centralWaiting[String(parts[0])] = Int(parts[1]) }
        }
        let status = try await display.queue.status()
        for line in status.services where line.waiting != (centralWaiting[line.serviceCode] ?? 0) {
            result.displayMismatches += 1
            log("tabellone: \(line.serviceCode) \(line.waiting) in attesa, nel database centrale \(centralWaiting[line.serviceCode] ?? 0)")
        }
        summary = result
        return result
    }
}
