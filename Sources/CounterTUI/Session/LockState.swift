import Foundation

/// The lock screen: whose session is locked, since when, why, and the password field.
public struct LockState: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The operator locked it (Ctrl-L).
        case manual
        /// No keys for the configured minutes.
        case idle(minutes: Int)
    }

    public var lockedOperator: SessionOperator
    public var lockedAt: Date
    public var reason: Reason
    public var password = FormField(label: "Password", maxLength: LoginState.passwordLength)
    public var verifying = false
    public var throttle = LoginThrottle()

    public init(lockedOperator: SessionOperator, lockedAt: Date, reason: Reason) {
        self.lockedOperator = lockedOperator
        self.lockedAt = lockedAt
        self.reason = reason
    }
}
