import CounterTUI
import CruscottoModel
import Foundation

/// The report's date range from the command line, checked: valid dates, in order, not in
/// the future (today is the Europe/Rome day of the clock).
enum QueueReportRange {
    static func parse(from: String?, to: String?, now: Date) throws -> (LocalDay, LocalDay) {
        let today = LocalDay(containing: now)
        func day(_ text: String, _ option: String) throws -> LocalDay {
            guard let day = LocalDay(iso: text), day.isValidDate else {
                throw CommandFailure.usage("data non valida per \(option): \(text) (usa AAAA-MM-GG, es. \(today))")
            }
            return day
        }
        let first = try from.map { try day($0, "--from") } ?? today
        let last = try to.map { try day($0, "--to") } ?? first
        if last < first {
            throw CommandFailure.usage("intervallo al contrario: dal \(QueueReportText.date(first)) "
                + "al \(QueueReportText.date(last)) (--from deve venire prima di --to)")
        }
        if last > today {
            throw CommandFailure.usage("il \(QueueReportText.date(last)) è nel futuro: oggi è il \(QueueReportText.date(today))")
        }
        return (first, last)
    }
}
