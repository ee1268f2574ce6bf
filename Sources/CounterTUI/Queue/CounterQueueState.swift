import CruscottoModel
import Foundation

/// The queue as this counter sees it: the office's picture (re-read every second and after
/// each own operation), the ticket held here with its token, an open dialog. The truth is
/// always the central side's; this is its latest copy.
public struct CounterQueueState: Hashable, Sendable {
    public var configuration: QueueConfiguration?
    public var status: QueueStatus?
    public var current: CurrentTicket?
    public var dialog: QueueDialog?
    /// An operation of this counter is running: queue keys wait for its answer.
    public var working = false
    public var refreshing = false
    /// Grows with each own operation; a status read started before one is not used to decide
    /// which ticket this counter holds.
    public var generation = 0
    /// Why the queue cannot be read (central unreachable), shown in the panel.
    public var problem: String?
    /// The lock put the counter in pause (so the unlock ends it; a pause chosen before stays).
    public var lockPaused = false
    /// When the queue was last read (the minutes of waiting grow even when nothing changes).
    public var lastRead: Date?
    /// Names of the citizens linked to tickets seen here, by contact id ("ROSSI Niccolò"):
    /// the close dialog and the citizen panel say who is linked.
    public var citizenNames: [String: String] = [:]
    /// The station's offline queue as last read (nil: this station has none).
    public var offline: OfflineQueueSnapshot?
    /// The central queue could not be read and the station works on its offline queue:
    /// tickets from its reserved numbers, called only here.
    public var workingOffline = false
    /// Contact ids whose name is being looked up in the registry.
    public var resolving: Set<String> = []

    public init() {}

    /// This counter's line in the latest status.
    public func line(of counter: Int) -> QueueStatus.CounterLine? {
        status?.counters.first { $0.number == counter }
    }

    public func isPaused(counter: Int) -> Bool { !workingOffline && line(of: counter)?.activity == .paused }

    /// Offline tickets waiting to be called here (also after the central database is back:
    /// they are called before the central queue).
    public var offlineWaiting: Int { offline?.waiting.count ?? 0 }

    /// Who the held ticket is linked to: the name when known, else the contact id.
    public var linkedCitizen: String? {
        guard let id = current?.ticket.contactID else { return nil }
        return citizenNames[id] ?? "contatto \(id)"
    }
}
