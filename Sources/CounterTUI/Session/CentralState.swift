import Foundation

/// What the header says about the central database. "In linea" only after an actual check.
public enum CentralState: Hashable, Sendable {
    /// No central database in use: the station works on its own store.
    case localOnly
    /// The central database answered a read at this instant.
    case online(checkedAt: Date)
    /// A central database is configured but the last check failed.
    case unreachable

    public var isUnreachable: Bool { self == .unreachable }

    /// The header text.
    public var headerText: String {
        switch self {
        case .localOnly: "solo locale"
        case .online: "Centrale: in linea"
        case .unreachable: "Centrale: non raggiungibile"
        }
    }

    /// The header's texts from the fullest to the shortest: while unreachable they say since
    /// when (the time, with the date when it is not today) and how many events wait to be
    /// sent, e.g. "Centrale: non raggiungibile dalle 10:42 · 37 in attesa"; the header takes
    /// the first that fits.
    public func headerTexts(offlineSince: Date?, waiting: Int, now: Date) -> [String] {
        guard self == .unreachable else { return [headerText] }
        let waitingText = waiting > 0 ? " · \(waiting) in attesa" : ""
        let shortWaiting = waiting > 0 ? " · \(waiting)" : ""
        guard let since = offlineSince else {
            return ["Centrale: non raggiungibile" + waitingText, "Offline" + waitingText, "Offline" + shortWaiting]
        }
        let sameDay = ItalianTime.calendar.isDate(since, inSameDayAs: now)
        let time = ItalianTime.clockText(since)
        let from = sameDay ? "dalle \(time)" : "dal \(ItalianTime.dayMonthText(since)) \(time)"
        let shortFrom = sameDay ? time : ItalianTime.dayMonthText(since)
        return [
            "Centrale: non raggiungibile \(from)\(waitingText)",
            "Centrale offline \(from)\(waitingText)",
            "Offline \(from)\(waitingText)",
            "Offline \(shortFrom)\(shortWaiting)",
            "Offline" + shortWaiting,
        ]
    }
}
