import CruscottoModel
import Foundation

/// The operator a session belongs to, as the screens show them (never a password hash), with
/// the roles that decide which actions the cruscotto offers.
public struct SessionOperator: Hashable, Sendable {
    public var username: String
    public var fullName: String
    public var roles: Set<OperatorRole>

    public init(username: String, fullName: String, roles: Set<OperatorRole> = []) {
        self.username = username
        self.fullName = fullName
        self.roles = roles
    }

    /// The service manager (responsabile) opens and closes the office day from the cruscotto.
    public var isManager: Bool { roles.contains(.manager) }
}
