import Foundation
import Synchronization

/// A bound on how long a station waits for the PostgreSQL central database. postgres-nio's
/// pool keeps a query waiting while it retries a lost server, so without a bound a station
/// would hang instead of saying the server is gone and carrying on with what it can do alone.
/// The answer comes at the deadline even if the query does not react to cancellation (it is
/// cancelled and left to finish on its own).
enum PostgresDeadline {
    static let stationSeconds: Double = 5

    struct Expired: Error {}

    /// Resumes its continuation once: with the operation's result or with the deadline.
    private final class Race<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = Mutex(continuation)
        }

        func settle(_ result: Result<T, any Error>) -> Bool {
            guard let continuation = continuation.withLock({ current in
                defer { current = nil }
                return current
            }) else { return false }
            continuation.resume(with: result)
            return true
        }
    }

    static func within<T: Sendable>(
        _ seconds: Double, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let race = Race(continuation)
            let work = Task {
                do { _ = race.settle(.success(try await operation())) } catch { _ = race.settle(.failure(error)) }
            }
            Task {
                // Once the operation has answered, the timer's settle does nothing.
                try? await Task.sleep(for: .seconds(seconds))
                if race.settle(.failure(Expired())) { work.cancel() }
            }
        }
    }
}
