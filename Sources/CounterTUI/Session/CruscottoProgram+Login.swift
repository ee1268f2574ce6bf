import Foundation

extension CruscottoProgram {
    func performOnLogin(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        switch action {
        case "app.exit":
            state.overlay = .confirmExit
            return []
        case "focus.next", "list.down":
            state.login.focus.next()
            return []
        case "focus.previous", "list.up":
            state.login.focus.previous()
            return []
        case "app.confirm":
            // Enter in the user field moves on; in the password field it submits.
            if state.login.focus.focused == .username, state.login.password.editor.text.isEmpty {
                state.login.focus.focus(.password)
                return []
            }
            return submitLogin(&state)
        default:
            return [.bell]
        }
    }

    /// Typing into the focused field of the login or lock screen.
    func edit(_ key: Key, on state: inout State) -> [AppEffect<Message>] {
        var edited = false
        switch state.mode {
        case .login:
            state.login.withFocusedField { edited = $0.editor.apply(key) }
        case .locked:
            state.withLock { edited = $0.password.editor.apply(key) }
        case .cruscotto:
            return editContacts(key, on: &state)
        }
        return edited ? [] : [.bell]
    }

    private func submitLogin(_ state: inout State) -> [AppEffect<Message>] {
        let username = state.login.username.editor.text.trimmingCharacters(in: .whitespaces)
        let password = state.login.password.editor.text
        if username.isEmpty {
            state.login.focus.focus(.username)
            state.message = .error("Inserire il nome utente.")
            return [.bell]
        }
        if password.isEmpty {
            state.login.focus.focus(.password)
            state.message = .error("Inserire la password.")
            return [.bell]
        }
        // The password leaves the state at once: it lives only in the check.
        state.login.password.editor.setText("")
        state.login.verifying = true
        let delay = state.login.throttle.delayBeforeNextAttempt
        state.message = .info(Self.verifyingText(delay: delay))
        let service = self.service
        let pause = self.pause
        return [.run {
            if delay > 0 { await pause(delay) }
            return .loginChecked(await service.authenticate(username: username, password: password))
        }]
    }

    static func verifyingText(delay: Int) -> String {
        delay > 0 ? "Verifica in corso… (attesa di \(delay) secondi dopo più tentativi non riusciti)" : "Verifica in corso…"
    }

    func loginChecked(_ outcome: LoginOutcome, on state: inout State) -> [AppEffect<Message>] {
        guard case .login = state.mode, state.login.verifying else { return [] }
        state.login.verifying = false
        switch outcome {
        case .authenticated(let account):
            let now = clock.now()
            state.login.throttle.reset()
            state.login.clear()
            state.session = account
            state.sessionStart = now
            state.lastActivity = now
            state.cruscotto = CruscottoState()
            state.mode = .cruscotto
            state.message = .ok("Accesso eseguito: \(account.fullName).")
            return []
        case .rejected:
            state.login.throttle.recordFailure()
            state.login.focus.focus(.password)
            state.message = .error(LoginOutcome.rejectedMessage)
            return [.bell]
        case .refused(let reason):
            state.login.focus.focus(.password)
            state.message = .error(reason)
            return [.bell]
        }
    }
}
