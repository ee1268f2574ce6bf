import LocalStore

extension ChangeWatch: QueueChangeSignal {
    public func hasChanged() async throws -> Bool { try poll() }
}
