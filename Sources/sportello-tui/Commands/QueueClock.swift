import CruscottoModel
import Foundation

/// The clock of the queue commands: the system clock, or the instant in
/// `SPORTELLO_FIXED_CLOCK` (ISO-8601; test-only, as for the interactive modes).
enum QueueClock {
    static func make() throws -> any Clock {
        guard let text = ProcessInfo.processInfo.environment["SPORTELLO_FIXED_CLOCK"], !text.isEmpty else {
            return SystemClock()
        }
        guard let instant = try? Date(text, strategy: .iso8601) else {
            throw CommandFailure.usage("SPORTELLO_FIXED_CLOCK non valido: \(text) (es. 2026-11-30T09:42:00Z)")
        }
        return FixedClock(instant)
    }
}
