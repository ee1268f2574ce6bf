import CruscottoModel
import Foundation
import LocalStore

/// Store errors to command failures for the contacts commands.
enum ContactsCommandSupport {
    static func cachedOperators(_ station: Station) throws -> [OperatorAccount] {
        do { return try station.store.cachedOperators() } catch { throw HomeOptions.failure(for: error) }
    }

    /// Runs store work: registry refusals are data refused (exit 1), the rest as `HomeOptions.run`.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ContactStoreError {
            throw CommandFailure.rejected(error.description)
        } catch {
            throw HomeOptions.failure(for: error)
        }
    }

    /// Opens the station of `--home` (exit 2 when it is missing or broken).
    static func openStation(_ options: HomeOptions) throws -> Station {
        let home = try options.resolve()
        do { return try Station.open(home: home) } catch { throw HomeOptions.failure(for: error) }
    }

    /// JSON on stdout: sorted keys, readable.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static let romeTimeZone = TimeZone(identifier: "Europe/Rome")!

    /// "30/11/2026 10:42" in Europe/Rome.
    static func localTime(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = romeTimeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// ISO-8601 UTC with milliseconds, as stored.
    static func iso(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: instant)
    }
}
