import Foundation

/// Dates and times as Italian offices write them, in Europe/Rome, formatted by hand so the
/// output never depends on installed locales (stations may only have C.UTF-8).
public enum ItalianTime {
    static let weekdays = ["dom", "lun", "mar", "mer", "gio", "ven", "sab"]

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 3600)!
        return calendar
    }()

    /// "lun 30/11/2026 10:42"
    public static func headerText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute], from: date)
        let weekday = weekdays[(parts.weekday ?? 1) - 1]
        return "\(weekday) \(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// "10:42"
    public static func clockText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(two(parts.hour)):\(two(parts.minute))"
    }

    /// "30/11"
    public static func dayMonthText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month], from: date)
        return "\(two(parts.day))/\(two(parts.month))"
    }

    private static func two(_ value: Int?) -> String {
        let number = value ?? 0
        return number < 10 ? "0\(number)" : String(number)
    }
}
