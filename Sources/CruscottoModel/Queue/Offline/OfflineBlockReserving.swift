/// A central backend that reserves offline ticket blocks (both central backends do). The
/// reservation is one transaction on the central side, serialized with the numbering.
public protocol OfflineBlockReserving: Sendable {
    /// Reserves the next block of `prefix` for today (the backend's clock) for `station`.
    func reserveOfflineBlock(station: String, prefix: String, policy: OfflineBlockPolicy) async throws -> OfflineTicketBlock
}
