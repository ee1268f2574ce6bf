import Foundation
import CruscottoModel
import GRDB

extension CentralDatabase {
    /// Adds an operator. The password is hashed off the caller's actor.
    public func addOperator(_ account: OperatorAccount, password: String, hasher: PasswordHasher = PasswordHasher()) async throws {
        guard OperatorAccount.isValidUsername(account.username) else {
            throw StoreError.invalid("nome utente '\(account.username)' non valido: da 2 a 32 caratteri tra minuscole, cifre, '.', '_', '-', iniziando con una lettera")
        }
        guard !account.fullName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("il nome completo dell'operatore è obbligatorio")
        }
        try PasswordPolicy.check(password)
        let hash = try await hasher.hash(password)
        let now = StoredInstant.iso(clock.now())
        try await writer.write { db in
            guard try CentralOperator.fetchOne(db, key: account.username) == nil else {
                throw StoreError.operatorExists(account.username)
            }
            try CentralOperator(username: account.username, fullName: account.fullName,
                                roles: OperatorRole.encode(account.roles), passwordHash: hash.encoded,
                                disabled: account.disabled, createdAt: now, updatedAt: now).insert(db)
        }
    }

    /// Every operator, disabled ones included, by username.
    public func listOperators() throws -> [OperatorAccount] {
        try writer.read { db in
            try CentralOperator.order(CentralOperator.Columns.username).fetchAll(db).map(\.account)
        }
    }

    /// Disables an operator: the row is kept (audit rows refer to it), logins are refused.
    public func disableOperator(_ username: String) throws {
        try setDisabled(username, true)
    }

    /// Enables a disabled operator again.
    public func enableOperator(_ username: String) throws {
        try setDisabled(username, false)
    }

    /// Replaces an operator's password.
    public func setPassword(_ username: String, password: String, hasher: PasswordHasher = PasswordHasher()) async throws {
        try PasswordPolicy.check(password)
        guard try await writer.read({ db in try CentralOperator.fetchOne(db, key: username) }) != nil else {
            throw StoreError.operatorUnknown(username)
        }
        let hash = try await hasher.hash(password)
        let now = StoredInstant.iso(clock.now())
        try await writer.write { db in
            guard var row = try CentralOperator.fetchOne(db, key: username) else {
                throw StoreError.operatorUnknown(username)
            }
            row.passwordHash = hash.encoded
            row.updatedAt = now
            try row.update(db)
        }
    }

    /// Operators with their hashes, for a station's cache.
    public func operatorsForCache() throws -> [CentralOperator] {
        try writer.read { db in try CentralOperator.order(CentralOperator.Columns.username).fetchAll(db) }
    }

    private func setDisabled(_ username: String, _ disabled: Bool) throws {
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            guard var row = try CentralOperator.fetchOne(db, key: username) else {
                throw StoreError.operatorUnknown(username)
            }
            row.disabled = disabled
            row.updatedAt = now
            try row.update(db)
        }
    }
}
