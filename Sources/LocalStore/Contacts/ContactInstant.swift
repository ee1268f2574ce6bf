import Foundation

/// Fast reading of the store's fixed-width instants (`2026-11-30T09:42:00.000Z`): search
/// ranks up to hundreds of candidates per keystroke by their last visit, and a date
/// formatter per row would cost more than the lookup itself.
enum ContactInstant {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 else {
            return StoredInstant.parse(text)
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 0x30
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day) else { return StoredInstant.parse(text) }
        var millis = 0
        if bytes.count == 24, bytes[19] == 0x2E, bytes[23] == 0x5A, let fraction = number(20..<23) {
            millis = fraction
        } else if !(bytes.count == 20 && bytes[19] == 0x5A) {
            return StoredInstant.parse(text)
        }
        // Days from the civil date (proleptic Gregorian), as in H. Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }
}
