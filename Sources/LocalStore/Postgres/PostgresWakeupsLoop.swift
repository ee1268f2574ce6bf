import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The reconnecting LISTEN loop behind `PostgresWakeups`. It holds its owner weakly and ends
/// when the owner is gone or the task is cancelled.
struct PostgresWakeupsLoop: Sendable {
    let owner: PostgresWakeups.WeakBox
    let configuration: PostgresConnection.Configuration?
    let configurationError: String?
    let url: PostgresCentralURL
    let timing: PostgresWakeups.Timing
    let logger: Logger

    private static let connectionIDs = Atomic<Int>(1_000)

    /// The listening session ended without an error of its own (the server finished the stream).
    struct SessionEnded: Error, CustomStringConvertible {
        var description: String { "connessione di ascolto terminata" }
    }

    func run() async {
        var backoff = timing.firstBackoff
        while !Task.isCancelled, owner.value != nil {
            var listened = false
            do {
                guard let configuration else {
                    throw PostgresCentralError.unreachable(host: url.host, port: url.port,
                                                           reason: configurationError ?? "configurazione non valida")
                }
                try await session(configuration, listened: &listened)
            } catch {
                if Task.isCancelled { break }
                let reason = PostgresCentral.map(error, url: url).description
                owner.value?.update {
                    $0.failures += 1
                    $0.lastError = reason
                }
                logger.debug("ascolto del database centrale interrotto", metadata: ["motivo": "\(reason)"])
            }
            owner.value?.update {
                $0.listening = false
                $0.backendPID = nil
            }
            // Whatever happened while not listening is unknown: readers pull.
            owner.value?.signal()
            if Task.isCancelled { break }
            if listened { backoff = timing.firstBackoff }
            await pause(for: backoff)
            backoff = min(backoff * 2, timing.maximumBackoff)
        }
        owner.value?.update {
            $0.listening = false
            $0.backendPID = nil
        }
    }

    /// One connection: LISTEN, then notifications and a heartbeat until either fails.
    private func session(_ configuration: PostgresConnection.Configuration, listened: inout Bool) async throws {
        let id = Self.connectionIDs.add(1, ordering: .relaxed).newValue
        let connection = try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
        do {
            let pid = try await Self.firstInt(connection.query("SELECT pg_backend_pid()", logger: logger))
            try await connection.listen(on: PostgresWakeups.channel) { notifications in
                owner.value?.update {
                    $0.listening = true
                    $0.connects += 1
                    $0.backendPID = pid
                }
                listened = true
                // LISTEN is active from here: a pull now sees everything a notification
                // would have announced while the loop was not listening.
                owner.value?.signal()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await _ in notifications {
                            owner.value?.update { $0.notifications += 1 }
                            owner.value?.signal()
                        }
                        throw SessionEnded()
                    }
                    group.addTask {
                        // Poll fallback and heartbeat: a dead peer is noticed by the query.
                        while true {
                            try await Task.sleep(for: timing.pollInterval)
                            _ = try await Self.firstInt(connection.query("SELECT 1", logger: logger))
                            owner.value?.signal()
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

    /// Waits before reconnecting, signalling every `downPollInterval` meanwhile (readers poll).
    private func pause(for duration: Duration) async {
        var left = duration
        while left > .zero, !Task.isCancelled {
            let step = min(left, timing.downPollInterval)
            try? await Task.sleep(for: step)
            left -= step
            owner.value?.signal()
        }
    }

    private static func firstInt(_ rows: PostgresRowSequence) async throws -> Int? {
        for try await row in rows {
            return try row.first?.decode(Int.self)
        }
        return nil
    }
}
