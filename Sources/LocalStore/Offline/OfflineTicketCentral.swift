import CruscottoModel
import Foundation
import GRDB

/// How the central side writes a ticket a station issued from its offline block into the day's
/// tickets (`queue_ticket`), when it applies that ticket's `queue.offline_ticket` events
/// (docs/QUEUE.md, "Offline"). The PostgreSQL function `sync_offline_ticket` (migration
/// 0008) follows the same rules.
///
/// - Each event carries the whole ticket after its step; the stored ticket is the one with
///   the longest history (histories are append-only at the station), so a later step that
///   arrives first is kept and an earlier one arriving after it changes nothing.
/// - The number must lie in a block reserved for the pushing station on that day.
/// - While the ticket is still open at the station (waiting, called, in service) it is stored
///   reserved for the station (`reservedCounter` as target counter and, when held, as
///   counter, no token): no claim lane, no call by number and no counter's held ticket ever
///   matches it, and the status does not show it as waiting.
enum OfflineTicketCentral {
    static let reservedCounter = Ticket.stationReservedCounter

    /// The central copy of the station's ticket.
    static func centralTicket(_ ticket: Ticket) -> Ticket {
        var stored = ticket
        stored.token = nil
        switch ticket.state {
        case .done, .cancelled, .noShow:
            stored.targetCounter = nil
        default:
            stored.targetCounter = reservedCounter
            if stored.counter != nil { stored.counter = reservedCounter }
        }
        return stored
    }

    private struct Payload: Decodable {
        let ticket: Ticket
    }

    /// The ticket in an event's payload (instants as ISO-8601 text).
    static func ticket(payload: String) throws -> Ticket {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = StoredInstant.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
            }
            return date
        }
        do {
            return try decoder.decode(Payload.self, from: Data(payload.utf8)).ticket
        } catch {
            throw SyncRefusal("dati non validi in \(OfflineTicketEvent.type): manca il campo ticket")
        }
    }

    /// Writes the event's ticket into the embedded central file, inside the push's savepoint.
    static func apply(_ db: Database, payload: String, station: String, at now: String) throws {
        let ticket = try ticket(payload: payload)
        let number = ticket.number
        let reserved = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM queue_offline_block
             WHERE local_day = ? AND prefix = ? AND ? BETWEEN first_seq AND last_seq AND station = ?
            """), arguments: [ticket.day.description, number.prefix, number.seq, station]) ?? false
        guard reserved else {
            throw SyncRefusal(refusal(number: number, day: ticket.day, station: station))
        }
        var stored = centralTicket(ticket)
        let instant = ISOInstant.parse(now) ?? StoredInstant.parse(now) ?? ticket.stateSince
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, event_count FROM queue_ticket WHERE local_day = ? AND prefix = ? AND seq = ?
            """), arguments: [ticket.day.description, number.prefix, number.seq]) {
            let previous: Int = row["event_count"]
            // An earlier step (or the same one) arriving late: the stored ticket is newer.
            guard ticket.history.count > previous else { return }
            stored.id = row["id"]
            try TicketRows.update(stored, previousEventCount: previous, db)
            try TicketRows.recordChange(ticketID: stored.id, kind: changeKind, at: instant, db)
        } else {
            let id = try TicketRows.insert(stored, db)
            try TicketRows.recordChange(ticketID: id, kind: changeKind, at: instant, db)
        }
    }

    /// The change-log kind of an offline ticket written centrally (the display announces only
    /// calls and recalls, so an offline call made earlier is not announced again).
    static let changeKind = "offline"

    static func refusal(number: TicketNumber, day: LocalDay, station: String) -> String {
        "numero \(number.offlineDisplay) non riservato alla postazione \(station) per il \(day.description)"
    }
}
