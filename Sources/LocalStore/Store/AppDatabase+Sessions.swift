import CruscottoModel
import Foundation
import GRDB

extension AppDatabase {
    /// Records a login, logout, lock, unlock or failed login at this station, with the
    /// outbox event that tells the central side, in one transaction.
    @discardableResult
    public func recordSessionEvent(_ kind: SessionEventKind, operator username: String) throws -> SessionEvent {
        let now = clock.now()
        return try writer.write { db in try Self.recordSessionEvent(db, kind, operator: username, at: now) }
    }

    static func recordSessionEvent(_ db: Database, _ kind: SessionEventKind, operator username: String, at now: Date) throws -> SessionEvent {
        var event = SessionEvent(id: nil, kind: kind.rawValue, operatorUsername: username,
                                 stationID: try stationID(db), at: StoredInstant.iso(now),
                                 localDay: StoredInstant.day(now))
        try event.insert(db)
        event.id = db.lastInsertedRowID
        try OutboxEvent.append(db, type: "session.event", payloadVersion: 1,
                               payload: SessionEventPayload(kind: event.kind, operator: event.operatorUsername,
                                                            station: event.stationID, at: event.at,
                                                            localDay: event.localDay),
                               at: now)
        return event
    }

    /// The session events of one office day (`YYYY-MM-DD`, Europe/Rome), oldest first.
    public func sessionEvents(onLocalDay day: String) throws -> [SessionEvent] {
        try writer.read { db in
            try SessionEvent.filter(SessionEvent.Columns.localDay == day).order(SessionEvent.Columns.id).fetchAll(db)
        }
    }

    /// The most recent session events, newest first.
    public func recentSessionEvents(limit: Int = 50) throws -> [SessionEvent] {
        try writer.read { db in
            try SessionEvent.order(SessionEvent.Columns.id.desc).limit(limit).fetchAll(db)
        }
    }
}
