import Crypto
import _CryptoExtras
import Foundation

/// PBKDF2-HMAC-SHA512 password hashing (OWASP: at least 210,000 rounds), a random 16-byte
/// salt per password, parameters stored with each hash so they can be raised later.
/// Hashing takes hundreds of milliseconds: the async methods run it on a dedicated queue,
/// never on the caller's actor nor on the (two-thread) concurrency pool.
public struct PasswordHasher: Sendable {
    public static let defaultRounds = 210_000
    static let saltBytes = 16
    static let hashBytes = 64

    /// Rounds for new hashes. Checking an existing hash uses the rounds stored with it.
    public let rounds: Int

    public init() { self.rounds = Self.defaultRounds }

    /// Tests only: a low round count keeps them fast. Never used for real stations.
    public init(unsafeUncheckedRounds rounds: Int) { self.rounds = max(1, rounds) }

    /// Hashes a new password with a fresh salt.
    public func hash(_ password: String) throws -> PasswordHash {
        var salt = Data(count: Self.saltBytes)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let digest = try Self.derive(password, salt: salt, rounds: rounds)
        return PasswordHash(rounds: rounds, salt: salt, hash: digest)
    }

    /// True when the password matches; the comparison takes the same time wherever the
    /// first differing byte is.
    public func verify(_ password: String, against stored: PasswordHash) -> Bool {
        guard let digest = try? Self.derive(password, salt: stored.salt, rounds: stored.rounds) else {
            return false
        }
        return Self.constantTimeEqual(digest, stored.hash)
    }

    public func hash(_ password: String) async throws -> PasswordHash {
        try await Self.offload { try self.hash(password) }
    }

    public func verify(_ password: String, against stored: PasswordHash) async -> Bool {
        await Self.offloadValue { self.verify(password, against: stored) }
    }

    /// A hash of a random password with this hasher's rounds: checked when the username is
    /// unknown, so an unknown user costs the same time as a wrong password.
    func decoy() -> PasswordHash {
        PasswordHash(rounds: rounds, salt: Data(repeating: 0x5a, count: Self.saltBytes),
                     hash: Data(repeating: 0, count: Self.hashBytes))
    }

    static func derive(_ password: String, salt: Data, rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha512,
            outputByteCount: hashBytes, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }

    static func constantTimeEqual(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }

    private static let queue = DispatchQueue(label: "sportello.password-hashing", qos: .userInitiated)

    private static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func offloadValue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
