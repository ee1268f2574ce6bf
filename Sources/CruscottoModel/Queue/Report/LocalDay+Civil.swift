import Foundation

extension LocalDay {
    /// Days since 1970-01-01 (proleptic Gregorian), for ranges and weekdays without a calendar.
    public var civilDayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `count` days later (earlier when negative).
    public func addingDays(_ count: Int) -> LocalDay {
        let z = civilDayNumber + count + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return LocalDay(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The day of the week (1970-01-01 was a Thursday).
    public var civilWeekday: Weekday {
        let index = ((civilDayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    /// Whether the day exists in the calendar (2026-02-30 does not).
    public var isValidDate: Bool {
        (1...12).contains(month) && day >= 1 && addingDays(0) == self
    }
}
