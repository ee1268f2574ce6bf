/// Says whether the central queue may have changed since the last question, so that boards
/// re-read it only then. On the embedded file it is `ChangeWatch` (`PRAGMA data_version`);
/// without one (tests, other backends) every poll re-reads.
public protocol QueueChangeSignal: Sendable {
    func hasChanged() async throws -> Bool
}

/// The signal of a backend that cannot tell: always re-read.
public struct AlwaysChangedSignal: QueueChangeSignal {
    public init() {}
    public func hasChanged() async throws -> Bool { true }
}
