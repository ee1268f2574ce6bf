/// The working screen behind login and lock: its panels and which one has focus. It survives a
/// lock unchanged; a new session starts from a fresh one.
public struct CruscottoState: Hashable, Sendable {
    public var queue = QueuePanel()
    public var citizen = CitizenPanel()
    public var service = ServicePanel()
    public var worklist = WorklistPanel()
    public var focus = FocusRing(CruscottoPanelID.allCases, focused: .citizen)
    /// The contact registry's screens, drawn over the right column when open.
    public var contacts = ContactsWorkspace() {
        didSet { citizen.identified = contacts.card }
    }

    public init() {}

    public func panel(_ id: CruscottoPanelID) -> any CruscottoPanel {
        switch id {
        case .queue: queue
        case .citizen: citizen
        case .service: service
        case .worklist: worklist
        }
    }

    /// Passes an action to the focused panel.
    public mutating func performOnFocused(_ action: String) -> StatusMessage? {
        switch focus.focused {
        case .queue: queue.perform(action)
        case .citizen: citizen.perform(action)
        case .service: service.perform(action)
        case .worklist: worklist.perform(action)
        }
    }
}
