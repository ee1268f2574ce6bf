import CruscottoModel
import Foundation
import GRDB

extension SQLiteQueueBackend: OfflineBlockReserving {
    /// Reserves the next block of `prefix` for today in one `BEGIN IMMEDIATE` transaction, so
    /// it is serialized with every issue: it starts after the central numbering's last seq and
    /// after the latest block (`OfflineBlockPolicy.firstSeq`).
    public func reserveOfflineBlock(station: String, prefix: String, policy: OfflineBlockPolicy) async throws -> OfflineTicketBlock {
        try await write { db, context in
            guard context.config.services.contains(where: { $0.prefix == prefix }) else {
                throw QueueBackendError.unavailable(reason: "nessun servizio con il prefisso \(prefix)")
            }
            let day = context.day.description
            let centralLast = try Int.fetchOne(db, sql: "SELECT last_seq FROM queue_numbering WHERE prefix = ? AND local_day = ?",
                                               arguments: [prefix, day]) ?? 0
            let latestEnd = try Int.fetchOne(db, sql: "SELECT max(last_seq) FROM queue_offline_block WHERE local_day = ? AND prefix = ?",
                                              arguments: [day, prefix])
            let first = policy.firstSeq(centralLast: centralLast, latestBlockEnd: latestEnd)
            let block = OfflineTicketBlock(station: station, prefix: prefix, day: context.day, first: first, last: first + policy.size - 1)
            try db.execute(sql: """
                INSERT INTO queue_offline_block (local_day, prefix, first_seq, last_seq, station, reserved_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [day, prefix, block.first, block.last, station, ISOInstant.format(context.now)])
            return block
        }
    }

    /// The blocks reserved for a day (all prefixes), oldest first.
    public func offlineBlocks(day: LocalDay) async throws -> [OfflineTicketBlock] {
        try await read { db, _ in
            try Row.fetchAll(db, sql: """
                SELECT prefix, first_seq, last_seq, station FROM queue_offline_block WHERE local_day = ? ORDER BY prefix, first_seq
                """, arguments: [day.description]).map {
                OfflineTicketBlock(station: $0["station"], prefix: $0["prefix"], day: day, first: $0["first_seq"], last: $0["last_seq"])
            }
        }
    }

    /// The issue path's numbering: a seq that falls inside a reserved block moves past the
    /// latest block of its prefix and day (only looked up from the policy's base upward).
    static func seqAvoidingBlocks(_ seq: Int, prefix: String, day: LocalDay, _ db: Database) throws -> Int {
        guard seq >= OfflineBlockPolicy.base else { return seq }
        let ranges = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT first_seq, last_seq FROM queue_offline_block WHERE local_day = ? AND prefix = ?
            """), arguments: [day.description, prefix]).map { ($0["first_seq"] as Int)...($0["last_seq"] as Int) }
        guard let jumped = OfflineBlockPolicy.numberingJump(seq: seq, blocks: ranges) else { return seq }
        try db.cachedStatement(sql: "UPDATE queue_numbering SET last_seq = ? WHERE prefix = ? AND local_day = ?")
            .execute(arguments: [jumped, prefix, day.description])
        return jumped
    }
}
