import CruscottoModel
import Foundation
import GRDB

/// Reads and writes the office's queue reference data in the central tables. The whole
/// configuration is replaced in one transaction and bumps `config_version`, which the
/// backends compare to know when their cached copy is stale.
enum CentralQueueConfiguration {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The configuration version, nil when the queue was never configured.
    static func version(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT config_version FROM queue_policy WHERE id = 1"))
    }

    static func load(_ db: Database) throws -> QueueConfiguration? {
        guard let policy = try Row.fetchOne(db, sql: "SELECT * FROM queue_policy WHERE id = 1") else { return nil }
        let decoder = JSONDecoder()
        let services = try Row.fetchAll(db, sql: "SELECT * FROM queue_service ORDER BY position, code").map { row in
            Service(code: row["code"], name: row["name"], prefix: row["prefix"],
                    colour: ServiceColour(rawValue: row["colour"]) ?? .white,
                    hours: try decoder.decode(OpeningHours.self, from: Data((row["hours"] as String).utf8)),
                    typicalServiceMinutes: row["typical_service_minutes"])
        }
        let priorities = try Row.fetchAll(db, sql: "SELECT * FROM queue_priority ORDER BY position, code").map {
            PriorityCategory(code: $0["code"], name: $0["name"])
        }
        let profiles = try Row.fetchAll(db, sql: "SELECT * FROM queue_profile ORDER BY position, code").map { row in
            CounterProfile(code: row["code"], name: row["name"],
                           serviceCodes: try decoder.decode([String].self, from: Data((row["services"] as String).utf8)))
        }
        let counters = try Row.fetchAll(db, sql: "SELECT number, label, profile_code FROM counter ORDER BY number").map {
            Counter(number: $0["number"], label: $0["label"], profileCode: $0["profile_code"])
        }
        let outcomes = try Row.fetchAll(db, sql: "SELECT * FROM queue_outcome ORDER BY position, code").map { row in
            OutcomeCode(code: row["code"], name: row["name"], served: row["served"],
                        setBy: OutcomeCode.Setter(rawValue: row["set_by"]) ?? .operatorChoice)
        }
        return QueueConfiguration(
            services: services, priorities: priorities,
            priorityPolicy: PriorityPolicy(interleave: policy["interleave"], maxWaitMinutes: policy["max_wait_minutes"]),
            profiles: profiles, counters: counters,
            rules: QueueRules(recallsBeforeNoShow: policy["recalls_before_no_show"],
                              noShowReactivationMinutes: policy["no_show_reactivation_minutes"],
                              outcomes: outcomes))
    }

    /// Replaces the configuration. Counters are matched by number: labels and profiles are
    /// updated, new numbers added, and numbers no longer listed removed (refused while a
    /// station is registered at one).
    static func save(_ config: QueueConfiguration, _ db: Database) throws {
        let problems = config.validationProblems
        guard problems.isEmpty else { throw QueueBackendError.invalidConfiguration(problems: problems) }
        try db.execute(sql: "DELETE FROM queue_service; DELETE FROM queue_priority; DELETE FROM queue_profile; DELETE FROM queue_outcome")
        for (i, s) in config.services.enumerated() {
            try db.execute(sql: """
                INSERT INTO queue_service (code, position, name, prefix, colour, hours, typical_service_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [s.code, i, s.name, s.prefix, s.colour.rawValue,
                                 String(decoding: try encoder.encode(s.hours), as: UTF8.self), s.typicalServiceMinutes])
        }
        for (i, p) in config.priorities.enumerated() {
            try db.execute(sql: "INSERT INTO queue_priority (code, position, name) VALUES (?, ?, ?)",
                           arguments: [p.code, i, p.name])
        }
        for (i, p) in config.profiles.enumerated() {
            try db.execute(sql: "INSERT INTO queue_profile (code, position, name, services) VALUES (?, ?, ?, ?)",
                           arguments: [p.code, i, p.name, String(decoding: try encoder.encode(p.serviceCodes), as: UTF8.self)])
        }
        for (i, o) in config.rules.outcomes.enumerated() {
            try db.execute(sql: "INSERT INTO queue_outcome (code, position, name, served, set_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [o.code, i, o.name, o.served, o.setBy.rawValue])
        }
        let listed = Set(config.counters.map(\.number))
        let existing = try Int.fetchAll(db, sql: "SELECT number FROM counter")
        let stationCounters: Set<Int> = try db.tableExists("station")
            ? Set(Int.fetchAll(db, sql: "SELECT counter FROM station WHERE counter IS NOT NULL")) : []
        for number in existing where !listed.contains(number) {
            if stationCounters.contains(number) {
                throw QueueBackendError.invalidConfiguration(problems: [
                    "Lo sportello \(number) ha una postazione registrata: non si può eliminare",
                ])
            }
            try db.execute(sql: "DELETE FROM counter WHERE number = ?", arguments: [number])
        }
        for counter in config.counters {
            try db.execute(sql: """
                INSERT INTO counter (number, office_id, label, profile_code)
                VALUES (?, (SELECT min(id) FROM office), ?, ?)
                ON CONFLICT (number) DO UPDATE SET label = excluded.label, profile_code = excluded.profile_code
                """, arguments: [counter.number, counter.label, counter.profileCode])
        }
        let policy = config.priorityPolicy, rules = config.rules
        try db.execute(sql: """
            INSERT INTO queue_policy (id, interleave, max_wait_minutes, recalls_before_no_show,
                                      no_show_reactivation_minutes, config_version)
            VALUES (1, ?, ?, ?, ?, 1)
            ON CONFLICT (id) DO UPDATE SET interleave = excluded.interleave,
              max_wait_minutes = excluded.max_wait_minutes,
              recalls_before_no_show = excluded.recalls_before_no_show,
              no_show_reactivation_minutes = excluded.no_show_reactivation_minutes,
              config_version = config_version + 1
            """, arguments: [policy.interleave, policy.maxWaitMinutes, rules.recallsBeforeNoShow,
                             rules.noShowReactivationMinutes])
    }

    /// Writes the default office configuration unless the queue is already configured.
    /// Existing counters keep their labels when the default has none for them, and counters
    /// beyond the default ones stay, without a profile.
    static func installDefaultIfMissing(_ db: Database) throws {
        guard try version(db) == nil else { return }
        var config = DefaultQueueOffice.configuration
        let existing = try Row.fetchAll(db, sql: "SELECT number, label FROM counter ORDER BY number")
        var labels: [Int: String] = [:]
        for row in existing {
            if let label: String = row["label"] { labels[row["number"]] = label }
        }
        for i in config.counters.indices where config.counters[i].label == nil {
            config.counters[i].label = labels[config.counters[i].number]
        }
        let listed = Set(config.counters.map(\.number))
        for row in existing where !listed.contains(row["number"]) {
            config.counters.append(Counter(number: row["number"], label: row["label"], profileCode: nil))
        }
        try save(config, db)
    }
}
