import CruscottoModel

/// An authenticator that lets nobody leave (soaks and benchmarks, which end by themselves).
public struct RefusingAuthenticator: KioskAuthenticator {
    public init() {}
    public func authenticate(username: String, password: String) async -> AuthResult { .rejected }
}
