import Foundation

/// A stored password hash that names its own parameters:
/// `pbkdf2-sha512$ROUNDS$SALT_BASE64$HASH_BASE64`.
public struct PasswordHash: Sendable, Equatable {
    public static let scheme = "pbkdf2-sha512"

    public let rounds: Int
    public let salt: Data
    public let hash: Data

    public init(rounds: Int, salt: Data, hash: Data) {
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    public var encoded: String {
        [Self.scheme, String(rounds), salt.base64EncodedString(), hash.base64EncodedString()]
            .joined(separator: "$")
    }

    /// Nil when the text is not a hash this program can check.
    public init?(encoded text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme,
              let rounds = Int(parts[1]), rounds > 0,
              let salt = Data(base64Encoded: String(parts[2])), !salt.isEmpty,
              let hash = Data(base64Encoded: String(parts[3])), !hash.isEmpty
        else { return nil }
        self.init(rounds: rounds, salt: salt, hash: hash)
    }
}
