import CruscottoModel
import Foundation
import PostgresNIO

extension PostgresQueueBackend {
    /// Replaces the office's queue configuration from a station (`services import`) through
    /// `queue_config_import`: validated by the model here; refused by the central side while
    /// tickets of today that are still open belong to a service the new configuration drops.
    /// Returns quietly; this backend keeps the configuration it opened with (stations see the
    /// new one through the change mark's configuration version).
    public func replaceConfiguration(_ configuration: QueueConfiguration) async throws {
        let (doc, rows, interleave, maxWait) = try Self.configurationArguments(configuration)
        let day = LocalDay(containing: clock.now()).description
        let answer = try await callGuarded("""
            SELECT sportello.queue_config_import(\(doc)::jsonb, \(interleave)::integer, \(maxWait)::integer, \
            \(rows)::jsonb, \(day)::date)::text
            """)
        if case let .failure(refusal) = answer {
            guard refusal.sqlState == "SQ422" else { throw QueueBackendError.unavailable(reason: refusal.message) }
            throw QueueBackendError.invalidConfiguration(problems: refusal.message.split(separator: ",").map {
                "Il servizio \($0) ha ancora biglietti aperti oggi: non si può eliminare"
            })
        }
    }
}
