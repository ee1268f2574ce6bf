import CruscottoModel
import Foundation

/// The display side of a fault run: it follows the queue's change log through its own
/// station role, as a board does, keeping each ticket as last seen.
final class FaultDisplay {
    let station: Station
    let queue: PostgresStationQueue
    private(set) var position: Int64 = 0
    private(set) var tickets: [Int64: Ticket] = [:]

    init(home: StationHome, clock: OffsetClock) throws {
        station = try Station.open(home: home, clock: clock)
        guard let link = station.postgres else { throw StoreError.invalid("il tabellone non usa PostgreSQL") }
        queue = PostgresStationQueue(link: link, clock: clock)
    }

    /// Reads the change log to its end (stops at the first failure; the next call goes on
    /// from the position reached).
    @discardableResult
    func follow() async -> Bool {
        while true {
            guard let page = try? await queue.changes(after: position, limit: 200) else { return false }
            for change in page.changes { tickets[change.ticket.id] = change.ticket }
            position = max(position, page.lastPosition)
            if !page.hasMore || page.changes.isEmpty { return true }
        }
    }

    func close() { station.close() }
}
