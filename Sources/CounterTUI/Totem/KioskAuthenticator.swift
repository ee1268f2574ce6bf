import CruscottoModel
import LocalStore

/// Checks the operator who wants to leave the totem or the display (unattended screens end
/// only with an operator's password).
public protocol KioskAuthenticator: Sendable {
    func authenticate(username: String, password: String) async -> AuthResult
}

extension Station: KioskAuthenticator {}
