@testable import CounterTUI

/// Bindings for loop tests: the generic actions on the usual keys, Ctrl-C on the same action
/// as F3 (as the default keymap does).
let testBindings = StaticKeyBindings(
    global: [
        .init(.function(1), "F1", "app.help"),
        .init(.function(3), "F3", "app.exit"),
        .init(.ctrl("c"), "C-c", "app.exit"),
        .init(.function(12), "F12", "app.cancel"),
        .init(.escape, "Esc", "app.cancel"),
        .init(.enter, "Invio", "app.confirm"),
        .init(.up, "Su", "list.up"),
        .init(.down, "Giù", "list.down"),
    ],
    descriptions: ["app.help": "Aiuto", "app.exit": "Esci", "app.cancel": "Annulla", "app.confirm": "Conferma", "list.up": "Su", "list.down": "Giù"]
)
