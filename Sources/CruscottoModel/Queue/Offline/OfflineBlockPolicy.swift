/// How offline blocks are cut: per prefix and office day, from `base` (701, so the first
/// offline ticket of a prefix reads A-701) upward, `size` numbers each; a station asks for a
/// new block when fewer than `refillBelow` numbers remain.
/// The base is fixed (the central sides' numbering checks for blocks only from it upward); a
/// normal office day stays far below it, so offline numbers also read apart.
///
/// A block starts after everything already given: the central numbering's last seq, the end
/// of the latest block and `base − 1`, whichever is highest. The central numbering jumps over
/// a block it reaches (to the end of the latest block + 1): blocks reserved after the one it
/// reached are contiguous with it, because each started after the central numbering.
public struct OfflineBlockPolicy: Hashable, Sendable {
    public static let base = 701
    public var size: Int
    public var refillBelow: Int

    public init(size: Int = 50, refillBelow: Int = 10) {
        self.size = max(1, size)
        self.refillBelow = refillBelow
    }

    public static let standard = OfflineBlockPolicy()

    /// The first seq of the next block.
    public func firstSeq(centralLast: Int, latestBlockEnd: Int?) -> Int {
        max(Self.base, centralLast + 1, (latestBlockEnd ?? 0) + 1)
    }

    /// Where the central numbering goes after `seq` when `seq` falls inside a block: past the
    /// latest block; nil when it is outside every block.
    public static func numberingJump(seq: Int, blocks: [ClosedRange<Int>]) -> Int? {
        guard blocks.contains(where: { $0.contains(seq) }), let end = blocks.map(\.upperBound).max() else { return nil }
        return end + 1
    }
}
