import Foundation

/// The diagnostic screen of `sportello-tui engine-demo`: a form with validation, a list of
/// people with hard names, header clock, message line, function-key bar, help and a confirmed
/// exit. It uses only the generic actions of the keymap's `engine_demo` table.
public struct EngineDemoProgram: AppProgram {
    public typealias State = EngineDemoState
    public typealias Message = EngineDemoMessage

    public static let screenName = "engine_demo"

    /// Every action the main screen can use (the list paging ones when the list has focus).
    public static let mainActions: Set<String> = [
        "app.help", "app.exit", "app.confirm", "focus.next", "focus.previous",
        "list.up", "list.down", "list.page_up", "list.page_down",
    ]

    public init() {}

    public func screenName(of state: State) -> String { Self.screenName }

    public func enabledActions(in state: State) -> Set<String> {
        switch state.stack.top {
        case .main:
            var actions: Set<String> = ["app.help", "app.exit", "app.confirm", "focus.next", "focus.previous", "list.up", "list.down"]
            if state.focus.focused == .people { actions.formUnion(["list.page_up", "list.page_down"]) }
            return actions
        case .help:
            return ["app.cancel", "app.help", "app.confirm", "app.exit"]
        case .confirmExit:
            return ["app.confirm", "app.cancel"]
        }
    }

    public func acceptsKey(_ key: Key, in state: State) -> Bool {
        state.stack.top == .main && state.focus.focused != .people && TextEditor.edits(key)
    }

    public func update(_ state: inout State, _ msg: AppMsg<Message>) -> [AppEffect<Message>] {
        switch msg {
        case .action(let action):
            state.log(action)
            return perform(action, on: &state)
        case .key(let key):
            state.log("testo: \(key.operatorLabel)")
            var edited = false
            let focus = state.focus.focused
            state.withField(focus) { field in
                var key = key
                if focus == .fiscalCode, case .character(let character) = key {
                    key = .character(Character(character.uppercased()))
                }
                edited = field.editor.apply(key)
            }
            EngineDemoValidation.validate(&state)
            return edited ? [] : [.bell]
        case .tick:
            return []
        case .resize(let size):
            state.size = size
            state.people.scrollToSelection(visibleRows: EngineDemoLayout(size: size).visiblePeople, count: EngineDemoPerson.all.count)
            return []
        case .terminate:
            return [.quit]
        case .message(.saved(let fullName, let searchKey)):
            state.savedKeys.append(searchKey)
            state.message = .ok("Scheda di \(fullName) confermata, chiave di ricerca \(searchKey).")
            return []
        }
    }

    private func perform(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        let count = EngineDemoPerson.all.count
        let rows = EngineDemoLayout(size: state.size).visiblePeople
        switch (state.stack.top, action) {
        case (.main, "app.help"):
            state.stack.push(.help)
        case (.main, "app.exit"):
            state.stack.push(.confirmExit)
        case (.main, "focus.next"):
            state.focus.next()
        case (.main, "focus.previous"):
            state.focus.previous()
        case (.main, "list.up"):
            if state.focus.focused == .people { state.people.moveUp(count: count, visibleRows: rows) } else { state.focus.previous() }
        case (.main, "list.down"):
            if state.focus.focused == .people { state.people.moveDown(count: count, visibleRows: rows) } else { state.focus.next() }
        case (.main, "list.page_up"):
            state.people.pageUp(count: count, visibleRows: rows)
        case (.main, "list.page_down"):
            state.people.pageDown(count: count, visibleRows: rows)
        case (.main, "app.confirm"):
            return confirm(&state)
        case (.help, _):
            state.stack.pop()
        case (.confirmExit, "app.confirm"):
            return [.quit]
        case (.confirmExit, _):
            state.stack.pop()
            state.message = .info("Uscita annullata.")
        default:
            return [.bell]
        }
        return []
    }

    /// Enter on the list loads the person into the form; Enter on the form checks it and, when
    /// valid, computes its search key as an effect.
    private func confirm(_ state: inout State) -> [AppEffect<Message>] {
        if state.focus.focused == .people {
            let person = EngineDemoPerson.all[state.people.selected]
            state.surname.editor.setText(person.surname)
            state.name.editor.setText(person.name)
            EngineDemoValidation.validate(&state)
            state.message = .info("Caricata la scheda di \(person.fullName).")
            return []
        }
        EngineDemoValidation.validate(&state)
        for focus in [State.Focus.surname, .name, .fiscalCode] {
            if let field = state.field(focus), let error = field.error {
                state.focus.focus(focus)
                state.message = .error("\(field.label): \(error).")
                return [.bell]
            }
        }
        let fullName = "\(state.surname.editor.text) \(state.name.editor.text)"
        let code = state.fiscalCode.editor.text
        state.message = .info("Conferma in corso…")
        return [.run {
            let folded = fullName.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            return .saved(fullName: fullName, searchKey: folded.uppercased() + "/" + code)
        }]
    }
}
