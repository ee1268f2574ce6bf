/// Every action and screen a keymap may name. Adding a screen or an action is one entry
/// here plus its default keys in keymaps/default.toml; help and KEYS.md follow from it.
public enum ActionCatalog {
    public static let screens: [KeymapScreen] = [
        KeymapScreen(name: "engine_demo", title: "Dimostrazione del motore del terminale"),
        KeymapScreen(name: "login", title: "Accesso dell'operatore"),
        KeymapScreen(name: "lock", title: "Postazione bloccata"),
        KeymapScreen(name: "cruscotto", title: "Cruscotto dello sportello"),
    ]

    public static let actions: [KeymapAction] = [
        KeymapAction(name: "app.help", label: "Aiuto",
                     description: "Mostra l'aiuto sull'elemento selezionato e i tasti attivi",
                     availability: .global),
        KeymapAction(name: "app.exit", label: "Esci",
                     description: "Esce dalla schermata o dal programma (chiede conferma)",
                     availability: .global),
        KeymapAction(name: "app.cancel", label: "Annulla",
                     description: "Annulla l'operazione in corso o chiude la finestra aperta",
                     availability: .global),
        KeymapAction(name: "app.refresh", label: "Aggiorna",
                     description: "Aggiorna i dati mostrati",
                     availability: .global),
        KeymapAction(name: "app.confirm", label: "Conferma",
                     description: "Conferma il campo o la scelta selezionata",
                     availability: .global),
        KeymapAction(name: "field.list_values", label: "Elenco",
                     description: "Mostra l'elenco dei valori ammessi per il campo selezionato",
                     availability: .global),
        KeymapAction(name: "focus.next", label: "Avanti",
                     description: "Passa al campo o al riquadro successivo",
                     availability: .global),
        KeymapAction(name: "focus.previous", label: "Indietro",
                     description: "Torna al campo o al riquadro precedente",
                     availability: .global),
        KeymapAction(name: "list.up", label: "Su",
                     description: "Seleziona la riga precedente dell'elenco",
                     availability: .global),
        KeymapAction(name: "list.down", label: "Giù",
                     description: "Seleziona la riga successiva dell'elenco",
                     availability: .global),
        KeymapAction(name: "list.page_up", label: "Pag. su",
                     description: "Sale di una pagina nell'elenco",
                     availability: .global),
        KeymapAction(name: "list.page_down", label: "Pag. giù",
                     description: "Scende di una pagina nell'elenco",
                     availability: .global),
        KeymapAction(name: "session.lock", label: "Blocca",
                     description: "Blocca la postazione: per riprendere serve la password dell'operatore",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "session.logout", label: "Disconn.",
                     description: "Chiude la sessione dell'operatore e torna all'accesso",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "session.switch_operator", label: "Cambia op.",
                     description: "Chiude la sessione bloccata (senza la sua password) perché acceda un altro operatore",
                     availability: .screens(["lock"])),
    ]

    /// The actions that leave a screen; every screen must keep at least one of them bound.
    public static let exitActions: Set<String> = ["app.exit", "app.cancel"]

    /// The value that removes a binding inherited from the default or from `[global]`.
    public static let unboundActionName = "none"

    public static func action(named name: String) -> KeymapAction? {
        actionsByName[name]
    }

    public static func screen(named name: String) -> KeymapScreen? {
        screens.first { $0.name == name }
    }

    private static let actionsByName: [String: KeymapAction] =
        Dictionary(uniqueKeysWithValues: actions.map { ($0.name, $0) })
}
