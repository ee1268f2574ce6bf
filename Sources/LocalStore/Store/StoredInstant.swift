import CruscottoModel
import Foundation

/// How instants are written in the databases: ISO-8601 UTC with milliseconds,
/// `2026-11-30T09:42:00.000Z` (fixed width, so text order is time order), and for rows of an
/// office day the Europe/Rome `local_day` beside it.
enum StoredInstant {
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func iso(_ instant: Date) -> String {
        let millis = Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                           from: Date(timeIntervalSince1970: Double(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0,
                      Int(millis - seconds * 1000))
    }

    /// Parses what `iso` writes (with or without milliseconds).
    static func parse(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }

    /// The office day (Europe/Rome) of the instant, as stored in `local_day`.
    static func day(_ instant: Date) -> String { LocalDay(containing: instant).description }
}
