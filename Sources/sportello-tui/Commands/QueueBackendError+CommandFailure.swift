import CruscottoModel

extension QueueBackendError {
    /// The command failure for a refusal: exit 2 when the central side is unreachable,
    /// 1 when the request was refused.
    var commandFailure: CommandFailure {
        if case .unavailable = self { return .usage(description) }
        return .rejected(description)
    }
}

/// Runs a queue operation and maps its refusal to the command's one-line failure.
func queueOperation<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as QueueBackendError {
        throw error.commandFailure
    }
}
