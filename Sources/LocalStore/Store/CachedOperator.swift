import CruscottoModel
import GRDB

/// An operator copied from the central database, with the password hash, so that the
/// station can check a login while the central side is unreachable.
struct CachedOperator: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "operator_cache"

    var username: String
    var fullName: String
    var roles: String
    var passwordHash: String
    var disabled: Bool
    var centralUpdatedAt: String
    var refreshedAt: String

    enum CodingKeys: String, CodingKey {
        case username, roles, disabled
        case fullName = "full_name"
        case passwordHash = "password_hash"
        case centralUpdatedAt = "central_updated_at"
        case refreshedAt = "refreshed_at"
    }

    enum Columns {
        static let username = Column(CodingKeys.username)
    }

    var account: OperatorAccount {
        OperatorAccount(username: username, fullName: fullName, roles: OperatorRole.decode(roles), disabled: disabled)
    }
}
