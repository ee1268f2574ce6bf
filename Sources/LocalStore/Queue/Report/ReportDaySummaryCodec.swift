import CruscottoModel
import Foundation

/// The stored form of one office day's report facts (`queue_report_day.facts`): variable
/// length integers and length-prefixed UTF-8 texts, in the order of `QueueReportFacts`.
/// Every value is kept as it is (waits to the second), so a range read from summaries gives
/// exactly the facts computed from its tickets. A year is 250 blobs of a few kilobytes,
/// decoded in milliseconds, where a JSON decoder would take a large share of the report.
enum ReportDaySummaryCodec {
    /// Stored beside each blob; rows of another format are ignored and written again.
    static let format = 1

    static func encode(_ facts: QueueReportFacts) -> [UInt8] {
        var out = Writer()
        out.count(facts.waits.count)
        for wait in facts.waits {
            out.text(wait.serviceCode); out.bool(wait.isPriority); out.int(wait.seconds); out.int(wait.count)
        }
        out.count(facts.arrivals.count)
        for arrival in facts.arrivals { out.int(arrival.hour); out.int(arrival.count) }
        out.count(facts.endings.count)
        for ending in facts.endings {
            out.text(ending.serviceCode); out.text(ending.state.rawValue); out.optionalText(ending.outcome)
            out.bool(ending.wasCalled); out.int(ending.count)
        }
        out.count(facts.serviceTimes.count)
        for time in facts.serviceTimes {
            out.text(time.serviceCode); out.int(time.counter); out.optionalText(time.operatorID)
            out.int(time.tickets); out.int(time.seconds)
        }
        out.count(facts.estimates.count)
        for sum in facts.estimates {
            out.text(sum.serviceCode); out.int(sum.count); out.int(sum.errorSeconds)
            out.int(sum.absoluteErrorSeconds); out.int(sum.withinFiveMinutes)
        }
        let kinds = facts.eventCounts.sorted { $0.key < $1.key }
        out.count(kinds.count)
        for (kind, count) in kinds { out.text(kind); out.int(count) }
        out.count(facts.counterDays.count)
        for counter in facts.counterDays {
            out.int(counter.counter)
            out.count(counter.operators.count)
            for op in counter.operators { out.text(op) }
            out.int(counter.staffedSeconds); out.int(counter.idleSeconds); out.int(counter.pauseCount)
            let pauses = counter.pauseSeconds.sorted { $0.key < $1.key }
            out.count(pauses.count)
            for (reason, seconds) in pauses { out.text(reason); out.int(seconds) }
        }
        return out.bytes
    }

    /// The facts of `day`, or nil when the bytes are not a summary of this format.
    static func decode(_ bytes: [UInt8], day: LocalDay) -> QueueReportFacts? {
        var input = Reader(bytes: bytes)
        var facts = QueueReportFacts(from: day, to: day)
        guard let waits = input.count() else { return nil }
        facts.waits.reserveCapacity(waits)
        for _ in 0..<waits {
            guard let service = input.text(), let priority = input.bool(), let seconds = input.int(),
                  let count = input.int() else { return nil }
            facts.waits.append(ReportWaitCount(serviceCode: service, isPriority: priority, seconds: seconds, count: count))
        }
        guard let arrivals = input.count() else { return nil }
        for _ in 0..<arrivals {
            guard let hour = input.int(), let count = input.int() else { return nil }
            facts.arrivals.append(ReportArrivalCount(day: day, hour: hour, count: count))
        }
        guard let endings = input.count() else { return nil }
        for _ in 0..<endings {
            guard let service = input.text(), let stateText = input.text(), let state = TicketState(rawValue: stateText),
                  let outcome = input.optionalText(), let called = input.bool(), let count = input.int() else { return nil }
            facts.endings.append(ReportEndingCount(serviceCode: service, state: state, outcome: outcome,
                                                   wasCalled: called, count: count))
        }
        guard let times = input.count() else { return nil }
        for _ in 0..<times {
            guard let service = input.text(), let counter = input.int(), let op = input.optionalText(),
                  let tickets = input.int(), let seconds = input.int() else { return nil }
            facts.serviceTimes.append(ReportServiceTime(serviceCode: service, counter: counter, operatorID: op,
                                                        tickets: tickets, seconds: seconds))
        }
        guard let estimates = input.count() else { return nil }
        for _ in 0..<estimates {
            guard let service = input.text(), let count = input.int(), let error = input.int(),
                  let absolute = input.int(), let within = input.int() else { return nil }
            facts.estimates.append(ReportEstimateSum(serviceCode: service, count: count, errorSeconds: error,
                                                     absoluteErrorSeconds: absolute, withinFiveMinutes: within))
        }
        guard let kinds = input.count() else { return nil }
        for _ in 0..<kinds {
            guard let kind = input.text(), let count = input.int() else { return nil }
            facts.eventCounts[kind] = count
        }
        guard let counters = input.count() else { return nil }
        for _ in 0..<counters {
            guard let counter = input.int(), let operatorCount = input.count() else { return nil }
            var operators: [String] = []
            for _ in 0..<operatorCount {
                guard let op = input.text() else { return nil }
                operators.append(op)
            }
            guard let staffed = input.int(), let idle = input.int(), let pauseCount = input.int(),
                  let reasons = input.count() else { return nil }
            var pauses: [String: Int] = [:]
            for _ in 0..<reasons {
                guard let reason = input.text(), let seconds = input.int() else { return nil }
                pauses[reason] = seconds
            }
            facts.counterDays.append(ReportCounterDay(day: day, counter: counter, operators: operators,
                                                      staffedSeconds: staffed, idleSeconds: idle,
                                                      pauseSeconds: pauses, pauseCount: pauseCount))
        }
        guard input.atEnd else { return nil }
        return facts
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func unsigned(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        /// Zig-zag, so small negative values (estimate errors) stay short.
        mutating func int(_ value: Int) {
            let v = Int64(value)
            unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        }

        mutating func count(_ value: Int) { unsigned(UInt64(value)) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func text(_ value: String) {
            let utf8 = Array(value.utf8)
            count(utf8.count)
            bytes += utf8
        }

        mutating func optionalText(_ value: String?) {
            if let value { bytes.append(1); text(value) } else { bytes.append(0) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        var atEnd: Bool { i == bytes.count }

        mutating func unsigned() -> UInt64? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count, shift < 64 {
                let byte = bytes[i]
                i += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func int() -> Int? {
            guard let u = unsigned() else { return nil }
            return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
        }

        mutating func count() -> Int? {
            guard let u = unsigned(), u <= UInt64(bytes.count) else { return nil }
            return Int(u)
        }

        mutating func bool() -> Bool? {
            guard i < bytes.count, bytes[i] <= 1 else { return nil }
            defer { i += 1 }
            return bytes[i] == 1
        }

        mutating func text() -> String? {
            guard let n = count(), n <= bytes.count - i else { return nil }
            defer { i += n }
            return String(decoding: bytes[i..<(i + n)], as: UTF8.self)
        }

        mutating func optionalText() -> String?? {
            guard let flag = bool() else { return nil }
            guard flag else { return .some(nil) }
            guard let value = text() else { return nil }
            return .some(value)
        }
    }
}
