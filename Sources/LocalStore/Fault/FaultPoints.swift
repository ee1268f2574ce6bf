import Foundation
import Synchronization

/// The fault points armed for one sync engine: set by a test per engine, or for the whole
/// process by `SPORTELLO_FAULT` (a comma-separated list of `POINT` or `POINT:crash`, e.g.
/// `after-apply-ack:crash`). A point armed with a count fires that many times, then is spent;
/// the environment's points fire every time (`after-send` alone keeps failing every push,
/// as it always did).
public final class FaultPoints: Sendable {
    /// The exit status of a process ended by a crash point: distinct from the program's own
    /// 0, 1 and 2, so a test can tell the crash from a refusal.
    public static let crashStatus: Int32 = 86

    struct Arming: Sendable {
        var action: FaultAction
        /// nil: every time.
        var remaining: Int?
    }

    private let armed: Mutex<[FaultPoint: Arming]>
    private let fired = Mutex<[FaultPoint: Int]>([:])

    public init() { armed = Mutex([:]) }

    /// Points parsed from a `SPORTELLO_FAULT` value; unknown names are refused.
    public init(parsing text: String) throws(FaultSpecError) {
        var points: [FaultPoint: Arming] = [:]
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard let point = FaultPoint(rawValue: parts[0]) else { throw FaultSpecError(item) }
            var action = FaultAction.fail
            if parts.count == 2 {
                guard let given = FaultAction(rawValue: parts[1]) else { throw FaultSpecError(item) }
                action = given
            }
            points[point] = Arming(action: action, remaining: nil)
        }
        armed = Mutex(points)
    }

    /// The process's points (`SPORTELLO_FAULT`), read once. A value that does not parse arms
    /// nothing: the variable is for tests, never for an office.
    public static let environment: FaultPoints = {
        guard let text = ProcessInfo.processInfo.environment["SPORTELLO_FAULT"] else { return FaultPoints() }
        return (try? FaultPoints(parsing: text)) ?? FaultPoints()
    }()

    /// Arms `point` for the next `times` passes (nil: every pass).
    public func arm(_ point: FaultPoint, _ action: FaultAction = .fail, times: Int? = 1) {
        armed.withLock { $0[point] = Arming(action: action, remaining: times) }
    }

    public func disarm(_ point: FaultPoint? = nil) {
        armed.withLock { if let point { $0[point] = nil } else { $0.removeAll() } }
    }

    public func isArmed(_ point: FaultPoint) -> Bool { armed.withLock { $0[point] != nil } }

    /// How many times `point` has fired.
    public func firedCount(_ point: FaultPoint) -> Int { fired.withLock { $0[point] ?? 0 } }

    /// The action due at `point` now, spending one pass of a counted arming.
    func take(_ point: FaultPoint) -> FaultAction? {
        let action = armed.withLock { points -> FaultAction? in
            guard var arming = points[point] else { return nil }
            if let remaining = arming.remaining {
                arming.remaining = remaining - 1
                points[point] = remaining <= 1 ? nil : arming
            }
            return arming.action
        }
        if action != nil { fired.withLock { $0[point, default: 0] += 1 } }
        return action
    }

    /// Passes `point`: nothing when it is not armed; otherwise throws `FaultInjected` or ends
    /// the process at once (no flush, no cleanup: what a crash leaves is what is tested).
    func pass(_ point: FaultPoint) throws(FaultInjected) {
        guard let action = take(point) else { return }
        switch action {
        case .fail: throw FaultInjected(point)
        case .crash:
            FileHandle.standardError.write(Data("sportello-tui: arresto simulato al punto \(point.rawValue)\n".utf8))
            _exit(Self.crashStatus)
        }
    }
}
