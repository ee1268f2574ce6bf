import CruscottoModel
import Foundation

extension PostgresQueueBackend: OfflineBlockReserving {
    /// Reserves the next block of `prefix` for today (`queue_offline_block_reserve`: the
    /// numbering row locked, the block after the numbering and the latest block). A station
    /// role reserves in its own name whatever `station` says.
    public func reserveOfflineBlock(station: String, prefix: String, policy: OfflineBlockPolicy) async throws -> OfflineTicketBlock {
        let now = clock.now()
        let day = LocalDay(containing: now)
        guard config.services.contains(where: { $0.prefix == prefix }) else {
            throw QueueBackendError.unavailable(reason: "nessun servizio con il prefisso \(prefix)")
        }
        let dayText = day.description
        let size = policy.size
        let answer = try await callGuarded(
            "SELECT sportello.queue_offline_block_reserve(\(station), \(prefix), \(dayText)::date, \(size)::integer, \(now))::text")
        switch answer {
        case let .success(text):
            let reply = try QueueJSON.decode(BlockReply.self, text)
            return OfflineTicketBlock(station: reply.station, prefix: reply.prefix, day: day, first: reply.first, last: reply.last)
        case let .failure(refusal):
            throw try refusalError(refusal, day: day)
        }
    }

    private struct BlockReply: Decodable {
        let station: String
        let prefix: String
        let first: Int
        let last: Int
    }
}

extension PostgresStationQueue: OfflineBlockReserving {
    public func reserveOfflineBlock(station: String, prefix: String, policy: OfflineBlockPolicy) async throws -> OfflineTicketBlock {
        try await using { try await $0.reserveOfflineBlock(station: station, prefix: prefix, policy: policy) }
    }
}
