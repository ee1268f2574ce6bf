import CruscottoModel
import Foundation

extension OfflineTicketDesk {
    /// While online: keeps the configuration just read and reserves a new block for every
    /// prefix that has none today or fewer than `policy.refillBelow` numbers left. Answers the
    /// blocks reserved now (usually none).
    @discardableResult
    public func topUp(from central: any OfflineBlockReserving, configuration: QueueConfiguration) async throws -> [OfflineTicketBlock] {
        if try self.configuration() != configuration { try saveConfiguration(configuration) }
        var reserved: [OfflineTicketBlock] = []
        for prefix in try prefixesToRefill(configuration) {
            let block = try await central.reserveOfflineBlock(station: station, prefix: prefix, policy: policy)
            try saveBlock(block)
            reserved.append(block)
        }
        return reserved
    }

    /// At the station's start: reads the configuration from the central queue and tops up, so
    /// a station that loses the central side right after opening still has numbers.
    @discardableResult
    public func topUp(from backend: any QueueBackend) async throws -> [OfflineTicketBlock] {
        guard let reserving = backend as? any OfflineBlockReserving else { return [] }
        return try await topUp(from: reserving, configuration: try await backend.configuration())
    }
}
