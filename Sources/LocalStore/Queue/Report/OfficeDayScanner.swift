import CruscottoModel
import Foundation

/// Reads the counter events of a stored office day (`queue_office_day.state`, the JSON of
/// `OfficeDay`) without Foundation's decoder, which takes tens of milliseconds per busy day:
/// a year of days would cost seconds. A small pull parser over the UTF-8 bytes that accepts
/// any key order and skips what it does not need; anything unexpected returns nil and the
/// caller falls back to `JSONDecoder`.
struct OfficeDayScanner {
    struct Scanned {
        var closedAt: Date?
        var events: [CounterEvent]
    }

    private let bytes: [UInt8]
    private var i = 0

    static func scan(_ text: String) -> Scanned? {
        var scanner = OfficeDayScanner(bytes: Array(text.utf8))
        return scanner.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func document() -> Scanned? {
        var result = Scanned(closedAt: nil, events: [])
        guard object({ scanner, key in
            switch key {
            case "closedAt":
                guard let seconds = scanner.number() else { return false }
                result.closedAt = Date(timeIntervalSinceReferenceDate: seconds)
            case "events":
                guard scanner.array({ scanner in
                    guard let event = scanner.event() else { return false }
                    result.events.append(event)
                    return true
                }) else { return false }
            default:
                return scanner.skipValue()
            }
            return true
        }) else { return nil }
        return result
    }

    private mutating func event() -> CounterEvent? {
        var counter: Int?, at: Double?, kind: CounterEvent.Kind?
        guard object({ scanner, key in
            switch key {
            case "counter": guard let n = scanner.number() else { return false }; counter = Int(n)
            case "at": guard let n = scanner.number() else { return false }; at = n
            case "kind": kind = scanner.kind(); return kind != nil
            default: return scanner.skipValue()
            }
            return true
        }), let counter, let at, let kind else { return nil }
        return CounterEvent(counter: counter, at: Date(timeIntervalSinceReferenceDate: at), kind: kind)
    }

    /// `{"signIn":{"operatorID":"x"}}`, `{"busy":{"ticketID":1}}`, `{"pauseStart":{"_0":…}}`, `{"free":{}}`…
    private mutating func kind() -> CounterEvent.Kind? {
        var kind: CounterEvent.Kind?
        guard object({ scanner, key in
            switch key {
            case "signIn":
                var op: String?
                guard scanner.object({ s, k in
                    if k == "operatorID" { op = s.string(); return op != nil }
                    return s.skipValue()
                }), let op else { return false }
                kind = .signIn(operatorID: op)
            case "busy":
                var id: Int64?
                guard scanner.object({ s, k in
                    if k == "ticketID" { guard let n = s.number() else { return false }; id = Int64(n); return true }
                    return s.skipValue()
                }), let id else { return false }
                kind = .busy(ticketID: id)
            case "pauseStart":
                // The reason is small and rare: decode it with Foundation.
                let start = scanner.i
                guard scanner.skipValue() else { return false }
                struct Wrapper: Decodable { var _0: PauseReason }
                guard let wrapper = try? JSONDecoder().decode(Wrapper.self, from: Data(scanner.bytes[start..<scanner.i]))
                else { return false }
                kind = .pauseStart(wrapper._0)
            case "signOut": kind = .signOut; return scanner.skipValue()
            case "pauseEnd": kind = .pauseEnd; return scanner.skipValue()
            case "free": kind = .free; return scanner.skipValue()
            default: return false
            }
            return true
        }) else { return nil }
        return kind
    }

    // MARK: - JSON primitives

    private mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    private mutating func object(_ member: (inout OfficeDayScanner, String) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        repeat {
            guard let key = string(), take(0x3A), member(&self, key) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    private mutating func array(_ element: (inout OfficeDayScanner) -> Bool) -> Bool {
        guard take(0x5B) else { return false }
        if take(0x5D) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(0x2C)
        return take(0x5D)
    }

    private mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = i
        var escaped = false
        while i < bytes.count, bytes[i] != 0x22 {
            if bytes[i] == 0x5C { escaped = true; i += 1 }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let raw = bytes[start..<i]
        i += 1
        if !escaped { return String(decoding: raw, as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data([0x22] + raw + [0x22]))
    }

    private mutating func number() -> Double? {
        space()
        let start = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) || bytes[i] == 0x2D || bytes[i] == 0x2B
            || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
        return Double(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    private mutating func skipValue() -> Bool {
        space()
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case 0x7B: return object { s, _ in s.skipValue() }
        case 0x5B: return array { s in s.skipValue() }
        case 0x22: return string() != nil
        case 0x74: i += 4; return true  // true
        case 0x66: i += 5; return true  // false
        case 0x6E: i += 4; return true  // null
        default: return number() != nil
        }
    }
}
