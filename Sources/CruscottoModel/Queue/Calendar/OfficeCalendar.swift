import Foundation

/// Local-time arithmetic for the office: Europe/Rome, Gregorian, whatever the host's zone.
public enum OfficeCalendar {
    public static let timeZone: TimeZone = TimeZone(identifier: "Europe/Rome")!

    public static let rome: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }()

    /// Weekday and minute of the day (0–1439) of an instant in local time.
    public static func localTime(of instant: Date) -> (weekday: Weekday, minute: Int) {
        let parts = rome.dateComponents([.weekday, .hour, .minute], from: instant)
        let weekday = Weekday(gregorian: parts.weekday ?? 2)
        return (weekday, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// `H:MM` local time of an instant, as printed on tickets and messages ("8:05", "14:30").
    public static func clockText(of instant: Date) -> String {
        OpeningInterval.clockText(localTime(of: instant).minute)
    }
}
