import CruscottoModel
import Foundation

/// Everything the totem shows: the live queue, which page is up, the ticket just issued,
/// notices for citizens (a closed service) and for the staff (a printer that failed).
public struct TotemState: Sendable {
    public enum Page: Hashable, Sendable {
        case menu
        /// Choosing a priority category.
        case priority
        case ticket(TotemTicket, until: Date)
        case exit(KioskExitPrompt, since: Date)
    }

    public struct Notice: Hashable, Sendable {
        public var text: String
        public var until: Date
    }

    public var live = LiveQueue()
    public var page: Page = .menu
    /// The priority category chosen for the next ticket.
    public var priority: PriorityCategory?
    public var issuing = false
    public var citizenNotice: Notice?
    /// Shown until a later ticket prints (for the staff).
    public var staffNotice: String?

    public init() {}

    /// The services offered, keys 1…9 in the configuration's order.
    public var services: [Service] { Array((live.configuration?.services ?? []).prefix(9)) }

    /// Priority categories a citizen may choose (appointments have their own path).
    public var priorityChoices: [PriorityCategory] {
        Array((live.configuration?.priorities ?? []).filter { $0.code != "appuntamento" }.prefix(9))
    }
}
