import CruscottoModel
import Foundation

/// Shorthands for the stored forms of instants.
enum OfficeDayText {
    static func iso(_ instant: Date) -> String { OfficeDay.isoUTC(instant) }
    static func day(_ instant: Date) -> String { OfficeDay.localDay(of: instant) }
}
