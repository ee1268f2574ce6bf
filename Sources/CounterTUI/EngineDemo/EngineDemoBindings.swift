/// The demo's bindings when no keymap is given: the generic actions on the keys the default
/// keymap uses for them (F1 help, F3 and Ctrl-C exit, F12 and Esc cancel, Enter confirm…).
public enum EngineDemoBindings {
    public static let standard = StaticKeyBindings(
        global: [
            .init(.function(1), "F1", "app.help"),
            .init(.function(3), "F3", "app.exit"),
            .init(.ctrl("c"), "C-c", "app.exit"),
            .init(.function(12), "F12", "app.cancel"),
            .init(.escape, "Esc", "app.cancel"),
            .init(.enter, "Invio", "app.confirm"),
            .init(.tab, "Tab", "focus.next"),
            .init(.backTab, "S-Tab", "focus.previous"),
            .init(.up, "Su", "list.up"),
            .init(.down, "Giù", "list.down"),
            .init(.pageUp, "PagSu", "list.page_up"),
            .init(.pageDown, "PagGiù", "list.page_down"),
        ],
        descriptions: [
            "app.help": "Aiuto",
            "app.exit": "Esci",
            "app.cancel": "Annulla",
            "app.confirm": "Conferma",
            "focus.next": "Campo successivo",
            "focus.previous": "Campo precedente",
            "list.up": "Riga precedente",
            "list.down": "Riga successiva",
            "list.page_up": "Pagina precedente",
            "list.page_down": "Pagina successiva",
        ]
    )
}
