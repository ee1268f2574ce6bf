import CruscottoModel
import Foundation
@testable import CounterTUI

/// A station with known operators that records what the screens ask of it.
final class FakeSessionService: SessionService, @unchecked Sendable {
    static let mario = SessionOperator(username: "mario.bianchi", fullName: "Mario Bianchi", roles: [.counter])
    static let giulia = SessionOperator(username: "giulia.verdi", fullName: "Giulia Verdi", roles: [.counter, .reception])
    /// The service manager (responsabile): the office day is hers to open and close.
    static let elena = SessionOperator(username: "elena.ferri", fullName: "Elena Ferri", roles: [.manager])
    static let passwords = ["mario.bianchi": "sportello-3", "giulia.verdi": "sportello-4", "elena.ferri": "sportello-5"]

    private let lock = NSLock()
    private var _events: [String] = []
    private var _central: CentralState

    init(central: CentralState = .localOnly) {
        _central = central
    }

    /// Everything recorded, in order: "login mario.bianchi", "login_failed x", "lock …"…
    var events: [String] { lock.withLock { _events } }

    var central: CentralState {
        get { lock.withLock { _central } }
        set { lock.withLock { _central = newValue } }
    }

    private func append(_ event: String) { lock.withLock { _events.append(event) } }

    /// The demo station's operators are known too (the tmux scenario's goldens use them).
    static let demo = DemoStationPlan().operators

    private func check(_ username: String, _ password: String) -> SessionOperator? {
        if let demo = Self.demo.first(where: { $0.username == username }) {
            return demo.password == password ? SessionOperator(username: demo.username, fullName: demo.fullName, roles: demo.roles) : nil
        }
        guard Self.passwords[username] == password else { return nil }
        return [Self.mario, Self.giulia, Self.elena].first { $0.username == username }
    }

    func authenticate(username: String, password: String) async -> LoginOutcome {
        guard let account = check(username, password) else {
            append("login_failed \(username)")
            return .rejected
        }
        append("login \(username)")
        return .authenticated(account)
    }

    func unlock(username: String, password: String) async -> LoginOutcome {
        guard let account = check(username, password) else {
            append("unlock_failed \(username)")
            return .rejected
        }
        append("unlock \(username)")
        return .authenticated(account)
    }

    func record(_ event: SessionRecord, operator username: String) async -> String? {
        append("\(event.rawValue) \(username)")
        return nil
    }

    func checkCentral() async -> CentralState { central }

    /// Open dead letters the background sync reports.
    var deadLetters: Int {
        get { lock.withLock { _deadLetters } }
        set { lock.withLock { _deadLetters = newValue } }
    }
    private var _deadLetters = 0

    /// Events the background sync reports as waiting.
    var waiting: Int {
        get { lock.withLock { _waiting } }
        set { lock.withLock { _waiting = newValue } }
    }
    private var _waiting = 0

    /// Whether the background sync reaches the central database (nil: none in use).
    var syncReaches: Bool? {
        get { lock.withLock { _syncReaches } }
        set { lock.withLock { _syncReaches = newValue } }
    }
    private var _syncReaches: Bool?

    /// How many background syncs ran.
    var syncs: Int { lock.withLock { _syncs } }
    private var _syncs = 0

    func syncInBackground() async -> BackgroundSync {
        lock.withLock {
            _syncs += 1
            return BackgroundSync(deadLetters: _deadLetters, waiting: _waiting, reachedCentral: _syncReaches)
        }
    }
}

/// A clock the test moves by hand.
final class ManualClock: StationClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    func now() -> Date { lock.withLock { instant } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { instant = instant.addingTimeInterval(seconds) }
    }
}

/// Records the throttling pauses instead of waiting.
final class PauseRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _pauses: [Int] = []
    var pauses: [Int] { lock.withLock { _pauses } }
    func pause(_ seconds: Int) { lock.withLock { _pauses.append(seconds) } }
}
