import CruscottoModel
import GRDB

/// An operator row of the central database, hash included (stations cache it).
public struct CentralOperator: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "operator"

    public var username: String
    public var fullName: String
    /// Role names joined by commas (`OperatorRole.encode`).
    public var roles: String
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case username, roles, disabled
        case fullName = "full_name"
        case passwordHash = "password_hash"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public enum Columns {
        public static let username = Column(CodingKeys.username)
    }

    public var account: OperatorAccount {
        OperatorAccount(username: username, fullName: fullName, roles: OperatorRole.decode(roles), disabled: disabled)
    }
}
