/// The faults of a fault run, each healed by the stations themselves.
public enum FaultKind: String, CaseIterable, Sendable, Codable {
    /// A station stops in the middle of an exchange at a fault point (in this process), then
    /// is opened again from its folder, as after a restart of the program.
    case crashInPush = "crash-in-push"
    /// `sync once` run as a child process ends abruptly at a crash point
    /// (`SPORTELLO_FAULT=POINT:crash`); needs the program's binary.
    case crashProcess = "crash-process"
    /// The server ends the stations' connections (`pg_terminate_backend`).
    case terminateConnections = "terminate-connections"
    /// The server restarts (immediate mode), under the stations' connections.
    case restartServer = "restart-server"
    /// Batches already applied are delivered again, shuffled.
    case duplicateDeliveries = "duplicate-deliveries"
}
