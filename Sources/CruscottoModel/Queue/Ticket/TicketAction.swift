/// What can happen to a ticket. Every action is applied with a time, a counter and an
/// operator (when there is one) and leaves a `TicketEvent` in the ticket's history.
public enum TicketAction: Hashable, Codable, Sendable {
    /// A counter claims the ticket; the token comes from the central side.
    case call(token: FencingToken)
    /// Call again on the display (counted).
    case recall
    /// The citizen did not come after the configured recalls.
    case markNoShow
    /// A no-show citizen came back within the configured window: back to waiting.
    case reactivate
    case startService
    /// The citizen steps away (to fetch a document); the ticket resumes at the head.
    case park(note: String?)
    /// Hand over to another service and/or counter, keeping the original arrival.
    case transfer(serviceCode: String?, counter: Int?, note: String)
    /// Served: outcome code, procedures done (catalog codes), contact when identified.
    case close(outcome: String, procedures: [String], contactID: String?)
    case cancel(reason: String)
    /// The citizen at the counter has been identified: the ticket held there is linked to
    /// their contact (registry id). The state does not change; the close keeps the link.
    case linkContact(contactID: String)
    /// The office closes while the ticket still waits.
    case closeAtEndOfDay

    /// Name of the action in messages ("impossibile avviare il servizio").
    public var italianVerb: String {
        switch self {
        case .call: "chiamare"
        case .recall: "richiamare"
        case .markNoShow: "segnare come non presentato"
        case .reactivate: "riattivare"
        case .startService: "avviare il servizio per"
        case .park: "sospendere"
        case .transfer: "trasferire"
        case .close: "chiudere"
        case .cancel: "annullare"
        case .linkContact: "collegare un cittadino con"
        case .closeAtEndOfDay: "chiudere a fine giornata"
        }
    }

    /// Short kind stored with events and in the change log.
    public var kind: String {
        switch self {
        case .call: "call"
        case .recall: "recall"
        case .markNoShow: "no_show"
        case .reactivate: "reactivate"
        case .startService: "start_service"
        case .park: "park"
        case .transfer: "transfer"
        case .close: "close"
        case .cancel: "cancel"
        case .linkContact: "link_contact"
        case .closeAtEndOfDay: "close_end_of_day"
        }
    }
}
