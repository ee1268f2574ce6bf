import Foundation

/// The office's calendar: every row that belongs to an office day stores its Europe/Rome day
/// and hour, computed from the instant when written, so daily numbering and hour-slot
/// reports never depend on UTC midnight.
public enum OfficeDay {
    public static let timeZone = TimeZone(identifier: "Europe/Rome")!

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// `YYYY-MM-DD` of the instant in Europe/Rome.
    public static func localDay(of instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The hour (0–23) of the instant in Europe/Rome.
    public static func localHour(of instant: Date) -> Int {
        calendar.component(.hour, from: instant)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// ISO-8601 UTC with milliseconds, the form every instant is stored in
    /// (`2026-11-30T09:42:00.000Z`; fixed width, so text order is time order).
    public static func isoUTC(_ instant: Date) -> String {
        let millis = Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                           from: Date(timeIntervalSince1970: Double(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0,
                      Int(millis - seconds * 1000))
    }

    /// Parses what `isoUTC` writes (with or without milliseconds).
    public static func parseISO(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }
}
