import Foundation
import CruscottoModel

extension AppDatabase {
    /// Checks a login against the operator cache, so it works while the central database is
    /// unreachable. The hash runs off the caller's actor. An unknown username costs the same
    /// work as a wrong password and gets the same answer. Every attempt is recorded as a
    /// session event (`login` or `login_failed`).
    public func authenticate(username: String, password: String, hasher: PasswordHasher = PasswordHasher()) async -> AuthResult {
        let typed = username.trimmingCharacters(in: .whitespaces).lowercased()
        let cached: CachedOperator?
        do {
            cached = try cachedOperator(typed)
        } catch {
            return .unavailable("archivio locale non leggibile")
        }
        let stored = cached.flatMap { PasswordHash(encoded: $0.passwordHash) }
        let matches = await hasher.verify(password, against: stored ?? hasher.decoy())
        let result: AuthResult
        if let cached, stored != nil, matches {
            result = cached.disabled ? .disabled : .authenticated(cached.account)
        } else {
            result = .rejected
        }
        do {
            let kind: SessionEventKind = if case .authenticated = result { .login } else { .loginFailed }
            // A typed username can be anything: keep the log readable and bounded.
            try recordSessionEvent(kind, operator: String(typed.prefix(64)))
        } catch {
            return .unavailable("impossibile registrare l'accesso")
        }
        return result
    }
}
