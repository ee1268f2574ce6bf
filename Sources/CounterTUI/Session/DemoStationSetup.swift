import CruscottoModel
import Foundation
import LocalStore

/// Creates (or reuses) a demo station in a home: a counter station of the demo office, its
/// embedded central database, the demo operators with their hashed passwords and the
/// operator cache. A home is a demo home when it holds the marker file written first; any
/// other existing folder is never touched. A failure leaves the disk as it was.
public enum DemoStationSetup {
    public static let markerName = ".sportello-demo"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public struct Outcome: Sendable {
        public let plan: DemoStationPlan
        /// False when an existing demo home was reused.
        public let created: Bool
    }

    /// Reuses the demo home at `home` if it is complete, else creates it; `reset` deletes an
    /// existing demo home first. `seed` applies only when creating.
    public static func prepare(home: StationHome, reset: Bool, seed: UInt64 = DemoStationPlan.defaultSeed,
                               hasher: PasswordHasher = PasswordHasher()) async throws -> Outcome {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = files.fileExists(atPath: home.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw Failure(description: "\(home.path) esiste e non è una cartella")
        }
        let empty = exists ? ((try? files.contentsOfDirectory(atPath: home.path))?.isEmpty ?? false) : true
        let demoSeed = exists ? markerSeed(home) : nil
        if exists, !empty, demoSeed == nil {
            throw Failure(description: "\(home.path) esiste e non è una stazione demo: indicare un'altra cartella (nulla è stato modificato)")
        }
        if let demoSeed, !reset {
            let plan = DemoStationPlan(seed: demoSeed)
            guard isComplete(home, plan: plan) else {
                throw Failure(description: "la stazione demo in \(home.path) è incompleta: rieseguire con --reset")
            }
            return Outcome(plan: plan, created: false)
        }

        // A running cruscotto holds the station lock: never pull its store away.
        let lock = demoSeed != nil ? try StationLock.acquire(home) : nil
        var previous: String?
        if demoSeed != nil {
            let aside = home.path + ".previous-" + UUID().uuidString.prefix(8).lowercased()
            guard rename(home.path, aside) == 0 else {
                throw StoreError.unwritable(path: home.path, reason: SecureFiles.describe(errno: errno))
            }
            previous = aside
        }
        lock?.release()
        let plan = DemoStationPlan(seed: seed)
        do {
            try create(home, plan: plan, hasher: hasher)
            try await addOperators(home, plan: plan, hasher: hasher)
            try addContacts(home, plan: plan)
        } catch {
            if !exists || previous != nil {
                try? files.removeItem(atPath: home.path)
            } else {
                // The folder was empty: empty it again.
                for item in (try? files.contentsOfDirectory(atPath: home.path)) ?? [] {
                    try? files.removeItem(atPath: home.path + "/" + item)
                }
            }
            if let previous { _ = rename(previous, home.path) }
            throw error
        }
        if let previous { try? files.removeItem(atPath: previous) }
        return Outcome(plan: plan, created: true)
    }

    private static func create(_ home: StationHome, plan: DemoStationPlan, hasher: PasswordHasher) throws {
        try SecureFiles.makeDirectory(home.path)
        let marker = home.path + "/" + markerName
        try SecureFiles.createPrivateFile(marker)
        do {
            try Data("seed = \(plan.seed)\n".utf8).write(to: URL(fileURLWithPath: marker))
        } catch {
            throw StoreError.unwritable(path: marker, reason: error.localizedDescription)
        }
        let setup = StationSetup(officeName: DemoStationPlan.officeName, kind: .counter,
                                 counter: DemoStationPlan.counter, idleLockMinutes: DemoStationPlan.idleLockMinutes)
        _ = try setup.run(in: home)
    }

    private static func addOperators(_ home: StationHome, plan: DemoStationPlan, hasher: PasswordHasher) async throws {
        let central = try CentralDatabase.open(at: home.defaultCentralPath)
        defer { try? central.close() }
        for demo in plan.operators {
            let account = OperatorAccount(username: demo.username, fullName: demo.fullName, roles: demo.roles)
            try await central.addOperator(account, password: demo.password, hasher: hasher)
        }
        let station = try Station.open(home: home)
        defer { station.close() }
        try station.refreshOperatorCache()
    }

    /// The demo registry, written by the responsabile of the demo office (purpose:
    /// administration), with the history of each citizen.
    private static func addContacts(_ home: StationHome, plan: DemoStationPlan) throws {
        guard let manager = plan.operators.last else { return }
        let station = try Station.open(home: home)
        defer { station.close() }
        try seedContacts(station.store, plan: plan, context: station.accessContext(operator: manager.username, purpose: .administration))
    }

    /// Writes the plan's contacts and their history into a store.
    static func seedContacts(_ store: AppDatabase, plan: DemoStationPlan, context: AccessContext) throws {
        let today = CivilDate(store.clock.now(), timeZone: ItalianTime.calendar.timeZone)
        for demo in plan.contacts {
            let contact = try store.createContact(demo.draft.validated(today: today), context: context)
            for entry in demo.history {
                guard let kind = ContactHistoryKind(rawValue: entry.kind) else { continue }
                try store.appendContactHistory(contact.id, kind: kind, summary: entry.summary,
                                               reference: entry.reference, context: context)
            }
        }
    }

    /// The seed in the marker of a demo home, nil when there is no marker.
    static func markerSeed(_ home: StationHome) -> UInt64? {
        guard let text = try? String(contentsOfFile: home.path + "/" + markerName, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "seed", let seed = UInt64(parts[1]) { return seed }
        }
        return DemoStationPlan.defaultSeed
    }

    /// The station opens and every demo operator is in its cache.
    static func isComplete(_ home: StationHome, plan: DemoStationPlan) -> Bool {
        guard let station = try? Station.open(home: home) else { return false }
        defer { station.close() }
        guard let cached = try? station.store.cachedOperators() else { return false }
        let usernames = Set(cached.map(\.username))
        return plan.operators.allSatisfy { usernames.contains($0.username) }
    }
}
