import CruscottoModel
import Foundation

/// A clock the contract scripts move by hand.
final class ContractClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    func now() -> Date { lock.withLock { instant } }
    func set(_ date: Date) { lock.withLock { instant = date } }
}
