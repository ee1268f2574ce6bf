import CruscottoModel

/// The contact registry inside the cruscotto: search, the purpose question, the card and the
/// edit form, drawn over the right column (the queue stays visible). The card last opened is
/// the identified citizen shown in the citizen panel once the workspace closes.
public struct ContactsWorkspace: Hashable, Sendable {
    public enum Screen: Hashable, Sendable {
        case search
        case purpose
        case card
        case edit
    }

    public var screen: Screen?
    public var search = ContactSearchState()
    public var purpose: ContactPurposeState?
    public var card: ContactCard?
    /// The purpose given for the card on screen (every read and change of it carries it).
    public var access: ContactAccess?
    public var edit: ContactEditState?
    /// First history row shown on the card.
    public var historyOffset = 0
    /// A card is being loaded or a merge is running: keys wait.
    public var loading = false

    public init() {}

    public var isActive: Bool { screen != nil }

    /// The keymap table of the screen on top.
    public var screenName: String? {
        switch screen {
        case nil: nil
        case .search, .purpose: ContactsWorkspace.searchScreen
        case .card: ContactsWorkspace.cardScreen
        case .edit: ContactsWorkspace.editScreen
        }
    }

    public static let searchScreen = "contacts_search"
    public static let cardScreen = "contacts_card"
    public static let editScreen = "contacts_edit"
}
