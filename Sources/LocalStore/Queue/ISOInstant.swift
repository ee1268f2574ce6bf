import CruscottoModel
import Foundation

/// Instants as the central queue tables store them: ISO-8601 UTC with whole seconds
/// (`2026-11-30T09:42:00Z`). Fixed width, so text order is time order and the claim's
/// `ORDER BY arrival` needs no conversion. Formatting and parsing are plain arithmetic:
/// the claim path reads and writes several instants per call.
enum ISOInstant {
    /// The instant truncated to the whole second below (what the tables can hold).
    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = civil(fromDays: days)
        var text = ""
        text.reserveCapacity(20)
        text += pad(y, 4); text += "-"; text += pad(m, 2); text += "-"; text += pad(d, 2)
        text += "T"; text += pad(secondOfDay / 3600, 2); text += ":"
        text += pad(secondOfDay / 60 % 60, 2); text += ":"; text += pad(secondOfDay % 60, 2); text += "Z"
        return text
    }

    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
              bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let min = number(14..<16), let s = number(17..<19),
              (1...12).contains(m), (1...31).contains(d), h < 24, min < 60, s < 60
        else { return nil }
        let days = daysFromCivil(y, m, d)
        return Date(timeIntervalSince1970: Double(days * 86_400 + Int64(h * 3600 + min * 60 + s)))
    }

    /// Europe/Rome hour of an instant (0–23), stored beside `local_day` for hour-slot reports.
    static func localHour(_ date: Date) -> Int { local(date).hour }

    /// Europe/Rome day and hour of an instant. One operation writes the same instant on
    /// several rows, and calendar arithmetic is the slow part of a write, so the last answer
    /// is remembered.
    static func local(_ date: Date) -> (day: LocalDay, hour: Int) {
        if let hit = LastLocal.shared.lookup(date) { return hit }
        let answer = (LocalDay(containing: date), OfficeCalendar.localTime(of: date).minute / 60)
        LastLocal.shared.store(date, answer)
        return answer
    }

    private final class LastLocal: @unchecked Sendable {
        static let shared = LastLocal()
        private let lock = NSLock()
        private var instant: Date?
        private var answer: (day: LocalDay, hour: Int) = (LocalDay(year: 1970, month: 1, day: 1), 0)

        func lookup(_ date: Date) -> (day: LocalDay, hour: Int)? {
            lock.withLock { instant == date ? answer : nil }
        }

        func store(_ date: Date, _ value: (day: LocalDay, hour: Int)) {
            lock.withLock { (instant, answer) = (date, value) }
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Howard Hinnant's civil-from-days and days-from-civil (proleptic Gregorian).
    private static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
