import CruscottoModel
import Foundation

/// Results of the queue's effects, back on the loop.
public enum CounterQueueMessage: Hashable, Sendable {
    /// A fresh read of configuration and status, with the ticket this counter holds there
    /// and the station's offline tickets still to call (nil: no offline queue here).
    case refreshed(QueueConfiguration, QueueStatus, held: CurrentTicket?, generation: Int, offline: OfflineQueueSnapshot? = nil)
    /// The central queue could not be read (the reason): the station works on its offline
    /// queue.
    case refreshedOffline(OfflineQueueSnapshot, problem: String, generation: Int)
    case refreshFailed(String)
    /// The change watch saw nothing new: no read was needed.
    case unchanged
    /// An own operation went through: the ticket now held (nil when none) and what to say.
    case done(current: CurrentTicket?, message: StatusMessage)
    /// An operation that does not change the held ticket (issue, pause, resume).
    case noted(StatusMessage)
    /// Refused or failed: the Italian reason; nothing changed on the central side.
    case failed(String)
    /// The registry's answer to the issue dialog's citizen search, for the text typed then.
    case contactMatches(text: String, rows: [ContactSearchRow])
    /// The name of a citizen linked to a ticket (nil: not found in this station's registry).
    case citizen(id: String, name: String?)
    /// The responsabile closed the office day: what it did.
    case dayClosed(EndOfDayReport)
    /// Sign-in, automatic pause and the like: a problem to say, if any.
    case background(problem: String?)
}
