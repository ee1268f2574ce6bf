extension KeyHelp {
    /// The action's short Italian label for the function-key bar ("Aiuto", "Esci"…), from
    /// the action catalog; the full description when the action is not in the catalog.
    public var shortLabel: String {
        ActionCatalog.action(named: action)?.label ?? description
    }
}
