import CruscottoModel
import Foundation
@testable import CounterTUI

/// The clock of the totem and display tests: 2026-11-30T09:42:00Z (10:42 in Rome, a Monday),
/// moved by hand.
final class KioskClock: Clock, @unchecked Sendable {
    static let start = Date(timeIntervalSince1970: 1_796_031_720)
    private let lock = NSLock()
    private var instant: Date
    init(_ instant: Date = KioskClock.start) { self.instant = instant }
    func now() -> Date { lock.withLock { instant } }
    func advance(seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// Accepts mario / segreto.
struct FakeAuthenticator: KioskAuthenticator {
    func authenticate(username: String, password: String) async -> AuthResult {
        guard username == "mario", password == "segreto" else { return .rejected }
        return .authenticated(OperatorAccount(username: "mario", fullName: "Mario Rossi", roles: [.counter]))
    }
}

enum KioskFixture {
    static func hours(_ text: String) -> OpeningHours {
        OpeningHours(OpeningHours.mondayToFriday, [OpeningInterval(parsing: text)!])
    }

    /// Six services as on the wireframe; Tributi closed in the morning; four counters.
    static let configuration: QueueConfiguration = {
        let mornings = hours("8:30-12:30")
        let services = [
            Service(code: "ANA", name: "Anagrafe e certificati", prefix: "A", hours: mornings, typicalServiceMinutes: 8),
            Service(code: "CIE", name: "Carta d'identità (CIE)", prefix: "C", hours: mornings, typicalServiceMinutes: 20),
            Service(code: "URP", name: "Informazioni e consegne", prefix: "U", hours: mornings, typicalServiceMinutes: 3),
            Service(code: "STC", name: "Stato civile", prefix: "S", hours: mornings, typicalServiceMinutes: 12),
            Service(code: "SCU", name: "Scuole, mense, trasporti", prefix: "E", hours: mornings, typicalServiceMinutes: 6),
            Service(code: "TRI", name: "Tributi", prefix: "T", hours: hours("14:30-17:00"), typicalServiceMinutes: 12),
        ]
        let poli = CounterProfile(code: "poli", name: "Polifunzionale", serviceCodes: ["ANA", "STC", "SCU", "URP", "TRI"])
        let cie = CounterProfile(code: "cie", name: "CIE", serviceCodes: ["CIE", "ANA"])
        return QueueConfiguration(services: services, profiles: [poli, cie], counters: [
            Counter(number: 1, profileCode: "poli"), Counter(number: 2, profileCode: "poli"),
            Counter(number: 3, label: "CIE", profileCode: "cie"), Counter(number: 13, profileCode: "poli"),
        ])
    }()

    static func backend(clock: KioskClock) throws -> InMemoryQueueBackend {
        try InMemoryQueueBackend(configuration: configuration, clock: clock)
    }

    /// Seven Anagrafe tickets, two for Scuole, one for Informazioni.
    static func fill(_ backend: InMemoryQueueBackend) async throws {
        for _ in 0..<7 { _ = try await backend.issue(IssueRequest(serviceCode: "ANA")) }
        for _ in 0..<2 { _ = try await backend.issue(IssueRequest(serviceCode: "SCU")) }
        _ = try await backend.issue(IssueRequest(serviceCode: "URP"))
    }
}

/// Drives a program by hand: `update`, then every `.run` effect awaited and its result fed
/// back, in order (no tasks, no timing). Returns the other effects seen.
@discardableResult
func drive<P: AppProgram>(_ program: P, _ state: inout P.State, _ msg: AppMsg<P.Message>) async -> [AppEffect<P.Message>] {
    var queue = [msg]
    var seen: [AppEffect<P.Message>] = []
    while !queue.isEmpty {
        let next = queue.removeFirst()
        for effect in program.update(&state, next) {
            if case .run(let work) = effect {
                queue.append(.message(await work()))
            } else {
                seen.append(effect)
            }
        }
    }
    return seen
}

/// The screen of a state on a virtual terminal, with the default keymap.
func screen<P: AppProgram>(_ program: P, _ state: P.State, columns: Int = 80, rows: Int = 24, clock: any Clock) throws -> VirtualTerminal {
    let terminal = VirtualTerminal(columns: columns, rows: rows)
    let runtime = AppRuntime(program: program, state: state, terminal: terminal, bindings: try Keymap.loadDefault(),
                             clock: clock, tickInterval: nil)
    runtime.render()
    return terminal
}

extension AppEffect {
    var isBell: Bool { if case .bell = self { true } else { false } }
    var isQuit: Bool { if case .quit = self { true } else { false } }
}
