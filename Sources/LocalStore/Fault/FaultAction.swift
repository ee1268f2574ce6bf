/// What an armed fault point does: fail the exchange (the process goes on, as after a lost
/// connection) or end the process at once with `FaultPoints.crashStatus`, as a power cut would.
public enum FaultAction: String, Sendable, Codable {
    case fail
    case crash
}
