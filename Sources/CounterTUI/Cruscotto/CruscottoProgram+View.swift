import Foundation

extension CruscottoProgram {
    public func view(_ state: State, context: ViewContext) -> AppFrame {
        var buffer = ScreenBuffer(size: context.size)
        let layout = CruscottoLayout(size: context.size)
        CruscottoHeader.draw(into: &buffer, layout.header, station: state.station,
                             operatorName: state.session?.fullName, central: state.central, now: context.now,
                             syncBlocked: state.syncBlocked, offlineSince: state.centralLostAt, waiting: state.outboxWaiting)
        var cursor: CursorPosition?
        switch state.mode {
        case .login:
            cursor = LoginView.draw(into: &buffer, layout.body, state: state.login, station: state.station, help: context.help,
                                   offline: state.central == .unreachable)
        case .locked(let lock):
            cursor = LockView.draw(into: &buffer, layout.body, state: lock, help: context.help)
        case .cruscotto:
            drawPanels(into: &buffer, layout, state: state, now: context.now)
            if state.cruscotto.contacts.isActive {
                cursor = ContactsView.draw(into: &buffer, layout.contactsArea, workspace: state.cruscotto.contacts, now: context.now)
            }
        }
        MessageLine.draw(into: &buffer, row: layout.message, message: state.message)
        FunctionKeyBar.draw(into: &buffer, row: layout.keys, help: context.enabledHelp)
        switch state.overlay {
        case nil:
            if case .cruscotto = state.mode, let dialog = state.cruscotto.counterQueue.dialog {
                cursor = QueueDialogView.draw(into: &buffer, within: layout.body, dialog: dialog)
            }
            return AppFrame(buffer: buffer, cursor: state.quitting ? nil : cursor)
        case .help:
            let actions = screenActions(state)
            HelpOverlay.draw(into: &buffer, within: layout.body, title: helpTitle(state),
                             help: context.help.filter { actions.contains($0.action) })
        case .confirmExit:
            var lines = ["Uscire da Sportello TUI?"]
            if let session = state.session { lines.append("La sessione di \(session.fullName) verrà chiusa.") }
            Dialog.draw(into: &buffer, within: layout.body, title: "Uscita", lines: lines, hint: "Invio esce · Esc annulla")
        case .confirmSwitchOperator:
            let name = state.session?.fullName ?? ""
            Dialog.draw(into: &buffer, within: layout.body, title: "Cambia operatore",
                        lines: ["Chiudere la sessione di \(name)?", "Poi un altro operatore potrà accedere."],
                        hint: "Invio chiude la sessione · Esc annulla")
        }
        return AppFrame(buffer: buffer, cursor: nil)
    }

    private func helpTitle(_ state: State) -> String {
        switch state.mode {
        case .login: "Aiuto · Accesso"
        case .locked: "Aiuto · Postazione bloccata"
        case .cruscotto where state.cruscotto.contacts.isActive: contactsHelpTitle(state.cruscotto.contacts)
        case .cruscotto: "Aiuto · Cruscotto · \(state.cruscotto.panel(state.cruscotto.focus.focused).title)"
        }
    }

    private func drawPanels(into buffer: inout ScreenBuffer, _ layout: CruscottoLayout, state appState: State, now: Date) {
        let state = appState.cruscotto
        for id in CruscottoPanelID.allCases {
            let panel = state.panel(id)
            var inner = Box.draw(into: &buffer, layout.rect(of: id), title: panel.title, focused: state.focus.focused == id)
            // The queue draws the queue panel and the current ticket atop the citizen panel.
            if queueOperations(appState) != nil, let counter = appState.station.counter {
                if id == .queue {
                    QueuePanelView.draw(into: &buffer, inner, queue: state.counterQueue, counter: counter, now: now)
                    continue
                }
                if id == .citizen {
                    let used = CurrentTicketView.draw(into: &buffer, inner, queue: state.counterQueue, counter: counter, now: now)
                    inner = Rect(x: inner.x, y: inner.y + used, width: inner.width, height: inner.height - used)
                }
            }
            panel.draw(into: &buffer, inner, now: now)
        }
    }
}
