import Foundation

/// An operator as the screens see it: never the password hash.
public struct OperatorAccount: Sendable, Equatable, Codable {
    public var username: String
    public var fullName: String
    public var roles: Set<OperatorRole>
    public var disabled: Bool

    public init(username: String, fullName: String, roles: Set<OperatorRole>, disabled: Bool = false) {
        self.username = username
        self.fullName = fullName
        self.roles = roles
        self.disabled = disabled
    }

    /// Usernames: 2–32 characters, lowercase letters, digits, `.`, `_`, `-`, starting with a
    /// letter; what an operator can type fast and a log can show unquoted.
    public static func isValidUsername(_ text: String) -> Bool {
        guard (2...32).contains(text.count), let first = text.unicodeScalars.first,
              ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }
}
