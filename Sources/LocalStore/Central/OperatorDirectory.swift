import CruscottoModel

/// Where the office's operators are managed: the embedded central file (`CentralDatabase`) or
/// the PostgreSQL central database (`PostgresOperatorDirectory`). Unknown and duplicate
/// usernames are `StoreError.operatorUnknown` / `.operatorExists` on both.
public protocol OperatorDirectory: Sendable {
    func addOperator(_ account: OperatorAccount, password: String, hasher: PasswordHasher) async throws
    /// Every operator, disabled ones included, by username.
    func listOperators() async throws -> [OperatorAccount]
    func disableOperator(_ username: String) async throws
    func enableOperator(_ username: String) async throws
    func setPassword(_ username: String, password: String, hasher: PasswordHasher) async throws
}

extension CentralDatabase: OperatorDirectory {}
