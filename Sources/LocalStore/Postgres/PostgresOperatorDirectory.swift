import CruscottoModel
import Foundation
import PostgresNIO

/// The operators on the PostgreSQL central database, through the station functions
/// (`operator_add`, `operator_set_disabled`, `operator_set_password`, `reference_get`). The
/// password is checked against the policy and hashed here, never sent.
public struct PostgresOperatorDirectory: OperatorDirectory {
    public let central: PostgresCentral
    public let clock: any Clock

    public init(central: PostgresCentral, clock: any Clock = SystemClock()) {
        self.central = central
        self.clock = clock
    }

    public func addOperator(_ account: OperatorAccount, password: String, hasher: PasswordHasher) async throws {
        guard OperatorAccount.isValidUsername(account.username) else {
            throw StoreError.invalid("nome utente '\(account.username)' non valido: da 2 a 32 caratteri tra minuscole, cifre, '.', '_', '-', iniziando con una lettera")
        }
        let fullName = account.fullName.trimmingCharacters(in: .whitespaces)
        guard !fullName.isEmpty else { throw StoreError.invalid("il nome completo dell'operatore è obbligatorio") }
        guard !account.roles.isEmpty else { throw StoreError.invalid("l'operatore deve avere almeno un ruolo") }
        try PasswordPolicy.check(password)
        let hash = try await hasher.hash(password).encoded
        let roles = OperatorRole.encode(account.roles)
        let now = clock.now()
        try await refusing(username: account.username, central.call(
            "SELECT sportello.operator_add(\(account.username), \(fullName), \(roles), \(hash), \(now))::text"))
        if account.disabled { try await disableOperator(account.username) }
    }

    public func listOperators() async throws -> [OperatorAccount] {
        try await central.reference().operators.map(\.account)
    }

    public func disableOperator(_ username: String) async throws {
        try await setDisabled(username, true)
    }

    public func enableOperator(_ username: String) async throws {
        try await setDisabled(username, false)
    }

    public func setPassword(_ username: String, password: String, hasher: PasswordHasher) async throws {
        try PasswordPolicy.check(password)
        guard try await listOperators().contains(where: { $0.username == username }) else {
            throw StoreError.operatorUnknown(username)
        }
        let hash = try await hasher.hash(password).encoded
        let now = clock.now()
        try await refusing(username: username, central.call(
            "SELECT sportello.operator_set_password(\(username), \(hash), \(now))::text"))
    }

    private func setDisabled(_ username: String, _ disabled: Bool) async throws {
        let now = clock.now()
        try await refusing(username: username, central.call(
            "SELECT sportello.operator_set_disabled(\(username), \(disabled), \(now))::text"))
    }

    private func refusing(username: String, _ answer: Result<String?, CentralRefusal>) throws {
        guard case let .failure(refusal) = answer else { return }
        switch refusal.sqlState {
        case "SQ409": throw StoreError.operatorExists(username)
        case "SQ404": throw StoreError.operatorUnknown(username)
        default: throw StoreError.postgres(.server(message: refusal.message))
        }
    }
}
