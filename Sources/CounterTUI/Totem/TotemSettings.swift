import Foundation

/// How one totem is set up: the office shown at the top, the services it offers only by
/// appointment, how long a ticket stays on screen, whether a printer is configured.
public struct TotemSettings: Hashable, Sendable {
    public var officeName: String
    /// Service codes the totem does not issue: citizens are told they need an appointment.
    public var appointmentOnly: Set<String>
    public var ticketSeconds: TimeInterval
    public var hasPrinter: Bool
    /// Back to the menu from an untouched exit prompt.
    public var promptSeconds: TimeInterval

    public init(officeName: String, appointmentOnly: Set<String> = [], ticketSeconds: TimeInterval = 8,
                hasPrinter: Bool, promptSeconds: TimeInterval = 60) {
        self.officeName = officeName
        self.appointmentOnly = appointmentOnly
        self.ticketSeconds = ticketSeconds
        self.hasPrinter = hasPrinter
        self.promptSeconds = promptSeconds
    }
}
