import CruscottoModel
import Foundation

/// One interaction with a person: a ticket served, an intake, a certificate, a hand-off, a
/// notification, a phone call. Appended through `AppDatabase.appendContactHistory`, never changed.
public struct ContactHistoryEntry: Sendable, Hashable, Codable {
    public let id: Int64
    /// The contact the row was written for (after a merge, the merged contact's rows keep it).
    public let contactID: ContactID
    public let kind: ContactHistoryKind
    public let at: Date
    /// Office day (Europe/Rome) of `at`.
    public let localDay: String
    public let summary: String
    /// The number of the ticket, intake, certificate… it refers to (free text, may be empty).
    public let reference: String
    public let operatorUsername: String
    public let stationID: String
}
