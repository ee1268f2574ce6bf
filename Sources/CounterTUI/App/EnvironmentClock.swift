import CruscottoModel
import Foundation

/// The clock of an interactive mode: `SPORTELLO_FIXED_CLOCK` (ISO-8601, test-only) fixes it for
/// golden screens; otherwise the system clock.
public enum EnvironmentClock {
    public static let variable = "SPORTELLO_FIXED_CLOCK"

    public enum Failure: Error, Equatable {
        case invalid(String)
        public var message: String {
            switch self {
            case .invalid(let value): return "\(EnvironmentClock.variable) non è una data ISO-8601 valida: \(value)"
            }
        }
    }

    public static func make(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any StationClock {
        guard let value = environment[variable], !value.isEmpty else { return SystemClock() }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: value) { return FixedClock(date) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: value) { return FixedClock(date) }
        throw Failure.invalid(value)
    }
}
