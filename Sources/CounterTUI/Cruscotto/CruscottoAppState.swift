import Foundation

/// The whole interactive station: login, lock and cruscotto, with the overlays on top.
public struct CruscottoAppState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case login
        case locked(LockState)
        case cruscotto
    }

    public enum Overlay: Hashable, Sendable {
        case help
        case confirmExit
        /// On the lock screen: close the locked operator's session so another can log in.
        case confirmSwitchOperator
    }

    public var station: StationSummary
    public var mode: Mode = .login
    public var overlay: Overlay?
    public var login = LoginState()
    public var cruscotto = CruscottoState()
    /// The logged-in operator (also while locked) and when they logged in.
    public var session: SessionOperator?
    public var sessionStart: Date?
    /// The last key the operator pressed in a session (idle lock counts from here).
    public var lastActivity: Date
    public var central: CentralState
    public var lastCentralCheck: Date?
    public var checkingCentral = false
    /// The running check was asked for with F5: its result goes to the message line.
    public var centralCheckRequested = false
    /// Background sync: when it last ran, whether it runs, the open dead letters it found.
    public var lastSync: Date?
    public var syncing = false
    public var syncBlocked = 0
    /// Events in the outbox at the last background sync (the header shows them while offline).
    public var outboxWaiting = 0
    /// Since when the central database has been unreachable (nil while it answers).
    public var centralLostAt: Date?
    /// The central database came back while a sync was running: one more runs after it.
    public var syncAgain = false
    /// True once exit was confirmed: keys are ignored until the program ends.
    public var quitting = false
    public var message: StatusMessage?
    /// The message line as it was when help opened (it comes back when help closes).
    public var messageBeforeHelp: StatusMessage?
    public var size: TerminalSize

    public init(station: StationSummary, central: CentralState, now: Date, size: TerminalSize) {
        self.station = station
        self.central = central
        self.centralLostAt = central.isUnreachable ? now : nil
        self.lastActivity = now
        self.lastCentralCheck = now
        self.size = size
        self.message = .info("Inserire utente e password, poi Invio.")
    }

    public var lock: LockState? {
        if case .locked(let lock) = mode { return lock }
        return nil
    }

    public mutating func withLock(_ change: (inout LockState) -> Void) {
        guard case .locked(var lock) = mode else { return }
        change(&lock)
        mode = .locked(lock)
    }
}
