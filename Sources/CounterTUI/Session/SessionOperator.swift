import Foundation

/// The operator a session belongs to, as the screens show them (never a password hash).
public struct SessionOperator: Hashable, Sendable {
    public var username: String
    public var fullName: String

    public init(username: String, fullName: String) {
        self.username = username
        self.fullName = fullName
    }
}
