/// Every action and screen a keymap may name. Adding a screen or an action is one entry
/// here plus its default keys in keymaps/default.toml; help and KEYS.md follow from it.
public enum ActionCatalog {
    public static let screens: [KeymapScreen] = [
        KeymapScreen(name: "engine_demo", title: "Dimostrazione del motore del terminale"),
        KeymapScreen(name: "login", title: "Accesso dell'operatore"),
        KeymapScreen(name: "lock", title: "Postazione bloccata"),
        KeymapScreen(name: "cruscotto", title: "Cruscotto dello sportello"),
        KeymapScreen(name: "contacts_search", title: "Ricerca nell'anagrafe"),
        KeymapScreen(name: "contacts_card", title: "Scheda del cittadino"),
        KeymapScreen(name: "contacts_edit", title: "Modifica del contatto"),
        KeymapScreen(name: "totem", title: "Totem eliminacode all'ingresso"),
        KeymapScreen(name: "display", title: "Tabellone della sala d'attesa"),
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
                     availability: .screens(["cruscotto", "contacts_search", "contacts_card", "contacts_edit"])),
        KeymapAction(name: "session.logout", label: "Disconn.",
                     description: "Chiude la sessione dell'operatore e torna all'accesso",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "contacts.search", label: "Cerca",
                     description: "Apre la ricerca nell'anagrafe dei cittadini",
                     availability: .screens(["cruscotto", "contacts_card"])),
        KeymapAction(name: "contacts.new", label: "Nuovo",
                     description: "Registra un nuovo contatto nell'anagrafe",
                     availability: .screens(["contacts_search"])),
        KeymapAction(name: "contacts.edit", label: "Modifica",
                     description: "Modifica i dati del contatto aperto",
                     availability: .screens(["contacts_card"])),
        KeymapAction(name: "contacts.merge", label: "Unisci",
                     description: "Unisce il probabile doppione selezionato al contatto in modifica (gli storici restano entrambi)",
                     availability: .screens(["contacts_edit"])),
        KeymapAction(name: "queue.call_next", label: "Chiama",
                     description: "Chiama il prossimo biglietto (profilo, priorità, alternanza)",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.call_number", label: "Chiama n.",
                     description: "Chiama un biglietto per numero (anche un assente riattivabile)",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.recall", label: "Richiama",
                     description: "Richiama il biglietto chiamato (i richiami sono contati)",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.start_service", label: "Servizio",
                     description: "Il cittadino è arrivato: avvia il servizio del biglietto chiamato",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.transfer", label: "Trasf.",
                     description: "Trasferisce a un altro servizio o sportello, con una nota",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.park", label: "Sospendi",
                     description: "Sospende il servizio mentre il cittadino recupera un documento",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.close", label: "Chiudi",
                     description: "Chiude il biglietto con l'esito e le pratiche svolte",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.no_show", label: "Assente",
                     description: "Segna il biglietto come non presentato (dopo i richiami previsti)",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.pause", label: "Pausa",
                     description: "Mette lo sportello in pausa con un motivo, o riprende dalla pausa",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.issue", label: "Biglietto",
                     description: "Emette un biglietto (servizio, priorità, cittadino, telefono)",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "queue.link_contact", label: "Collega",
                     description: "Collega la persona della scheda al biglietto in servizio (la visita va nel suo storico alla chiusura)",
                     availability: .screens(["contacts_card"])),
        KeymapAction(name: "queue.office_day", label: "Giornata",
                     description: "Apre la giornata dell'ufficio o la chiude dopo una conferma (solo il responsabile)",
                     availability: .screens(["cruscotto"])),
        KeymapAction(name: "session.switch_operator", label: "Cambia op.",
                     description: "Chiude la sessione bloccata (senza la sua password) perché acceda un altro operatore",
                     availability: .screens(["lock"])),
        KeymapAction(name: "totem.priority", label: "Precedenza",
                     description: "Sceglie una categoria di precedenza per il prossimo biglietto",
                     availability: .screens(["totem"])),
    ] + (1...9).map { number in
        KeymapAction(name: "totem.choose_\(number)", label: "Scelta \(number)",
                     description: "Sceglie la voce \(number) del totem: un servizio (emette il biglietto) o una categoria di precedenza",
                     availability: .screens(["totem"]))
    }

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
