import Foundation

extension CruscottoProgram {
    func performOnLock(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        switch action {
        case "app.confirm":
            return submitUnlock(&state)
        case "app.cancel":
            state.withLock { $0.password.editor.setText("") }
            return []
        case "session.switch_operator":
            state.overlay = .confirmSwitchOperator
            return []
        default:
            return [.bell]
        }
    }

    private func submitUnlock(_ state: inout State) -> [AppEffect<Message>] {
        guard let lock = state.lock else { return [] }
        let password = lock.password.editor.text
        if password.isEmpty {
            state.message = .error("Inserire la password.")
            return [.bell]
        }
        let delay = lock.throttle.delayBeforeNextAttempt
        state.withLock {
            $0.password.editor.setText("")
            $0.verifying = true
        }
        state.message = .info(Self.verifyingText(delay: delay))
        let username = lock.lockedOperator.username
        let service = self.service
        let pause = self.pause
        return [.run {
            if delay > 0 { await pause(delay) }
            return .unlockChecked(await service.unlock(username: username, password: password))
        }]
    }

    func unlockChecked(_ outcome: LoginOutcome, on state: inout State) -> [AppEffect<Message>] {
        guard let lock = state.lock, lock.verifying else { return [] }
        state.withLock { $0.verifying = false }
        switch outcome {
        case .authenticated(let account) where account.username == lock.lockedOperator.username:
            state.mode = .cruscotto
            state.lastActivity = clock.now()
            state.message = .ok("Postazione sbloccata.")
            return []
        case .authenticated, .rejected:
            state.withLock { $0.throttle.recordFailure() }
            state.message = .error("Password non valida.")
            return [.bell]
        case .refused(let reason):
            state.message = .error(reason)
            return [.bell]
        }
    }
}
