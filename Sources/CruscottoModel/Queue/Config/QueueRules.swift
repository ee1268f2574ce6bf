/// Office-wide rules of the ticket state machine.
public struct QueueRules: Hashable, Codable, Sendable {
    /// Recalls needed before a called ticket can be marked as a no-show.
    public var recallsBeforeNoShow: Int
    /// Minutes after a no-show within which the ticket can be re-activated.
    public var noShowReactivationMinutes: Int
    /// Outcome codes known to the office.
    public var outcomes: [OutcomeCode]

    enum CodingKeys: String, CodingKey {
        case recallsBeforeNoShow = "recalls_before_no_show"
        case noShowReactivationMinutes = "no_show_reactivation_minutes"
        case outcomes
    }

    public init(
        recallsBeforeNoShow: Int = 2, noShowReactivationMinutes: Int = 15,
        outcomes: [OutcomeCode] = OutcomeCode.defaults
    ) {
        self.recallsBeforeNoShow = max(0, recallsBeforeNoShow)
        self.noShowReactivationMinutes = max(0, noShowReactivationMinutes)
        self.outcomes = outcomes
    }

    public func outcome(_ code: String) -> OutcomeCode? { outcomes.first { $0.code == code } }
}
