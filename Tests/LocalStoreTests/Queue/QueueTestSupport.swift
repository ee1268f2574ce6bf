import CruscottoModel
import Foundation
@testable import LocalStore

/// A clock the test moves by hand.
final class QueueTestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    func now() -> Date { lock.withLock { instant } }
    func set(_ date: Date) { lock.withLock { instant = date } }
    func advance(minutes: Double) { lock.withLock { instant = instant.addingTimeInterval(minutes * 60) } }
}

/// A temporary folder removed when the value is released.
final class QueueTempDirectory: @unchecked Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("queuedb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var centralPath: String { path + "/central.sqlite" }
}

enum QueueFixture {
    /// An instant given as Europe/Rome wall time, `"2026-11-30 10:42"`.
    static func rome(_ text: String) -> Date {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).compactMap { Int($0) }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        (components.hour, components.minute) = (parts[3], parts[4])
        components.second = parts.count > 5 ? parts[5] : 0
        return OfficeCalendar.rome.date(from: components)!
    }

    static func interval(_ text: String) -> OpeningInterval { OpeningInterval(parsing: text)! }

    static let anagrafeHours: OpeningHours = {
        var hours = OpeningHours(OpeningHours.mondayToFriday, [interval("8:30-12:30")])
        hours.add([interval("14:30-17:00")], on: .thursday)
        return hours
    }()

    static let allDay = OpeningHours(Weekday.allCases, [interval("00:00-24:00")])

    /// Three services, two profiles, counters 1–3 with profiles and 4 without (as the
    /// model's own fixture).
    static func configuration(
        hours: OpeningHours = anagrafeHours, policy: PriorityPolicy = PriorityPolicy(interleave: 3, maxWaitMinutes: 45),
        rules: QueueRules = QueueRules()
    ) -> QueueConfiguration {
        let services = [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue, hours: hours, typicalServiceMinutes: 8),
            Service(code: "CIE", name: "Carta d'identità", prefix: "C", colour: .green, hours: hours,
                    typicalServiceMinutes: 15),
            Service(code: "STC", name: "Stato civile", prefix: "S", colour: .yellow, hours: hours,
                    typicalServiceMinutes: 10),
        ]
        return QueueConfiguration(
            services: services, priorityPolicy: policy,
            profiles: [
                CounterProfile(code: "poli", name: "polifunzionale", serviceCodes: ["ANA", "STC", "CIE"]),
                CounterProfile(code: "cie", name: "CIE", serviceCodes: ["CIE", "ANA"]),
            ],
            counters: [
                Counter(number: 1, profileCode: "poli"), Counter(number: 2, profileCode: "poli"),
                Counter(number: 3, label: "CIE", profileCode: "cie"),
                Counter(number: 4, label: "Accoglienza", profileCode: nil),
            ],
            rules: rules)
    }

    /// A SQLite backend on a new central file in `directory`, configured with `config`.
    static func backend(
        in directory: QueueTempDirectory, config: QueueConfiguration, clock: any Clock
    ) async throws -> SQLiteQueueBackend {
        let backend = try CentralQueueFile.openBackend(path: directory.centralPath, clock: clock)
        try await backend.replaceConfiguration(config)
        return backend
    }
}
