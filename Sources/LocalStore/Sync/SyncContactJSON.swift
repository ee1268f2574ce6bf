import CruscottoModel
import Foundation

/// A contact as JSON on the sync path, in the format of `ContactEvent.created` (sorted keys,
/// instants as ISO-8601 UTC with milliseconds), with instants written and read by plain
/// arithmetic: a catch-up applies tens of thousands of rows, and a date formatter per instant
/// (as `ContactEvent` uses for single events) was most of the cost of each row.
enum SyncContactJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 instant: \(text)")
            }
            return date
        }
        return decoder
    }

    /// `2026-11-30T09:42:00.000Z` (milliseconds truncated, as the store writes them).
    static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let whole = ISOInstant.format(Date(timeIntervalSince1970: Double(seconds)))
        let fraction = String(millis - seconds * 1000)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// Reads `format`'s text (also without milliseconds); other ISO-8601 forms through a formatter.
    static func parse(_ text: String) -> Date? {
        let bytes = text.utf8
        if bytes.count == 24, text.hasSuffix("Z"), bytes[bytes.index(bytes.startIndex, offsetBy: 19)] == 0x2E {
            let milliText = text.dropFirst(20).dropLast()
            if let whole = ISOInstant.parse(String(text.prefix(19)) + "Z"), let millis = Int(milliText), milliText.allSatisfy(\.isASCII) {
                return Date(timeIntervalSince1970: whole.timeIntervalSince1970 + Double(millis) / 1000)
            }
        }
        if bytes.count == 20, let whole = ISOInstant.parse(text) { return whole }
        return StoredInstant.parse(text)
    }
}
