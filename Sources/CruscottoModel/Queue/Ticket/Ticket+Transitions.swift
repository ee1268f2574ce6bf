import Foundation

extension Ticket {
    /// The ticket after `action`, or the reason the rules refuse it.
    ///
    /// Actions on a ticket a counter holds (called or serving) need that claim's `token`;
    /// an older token is refused with `.staleToken`, whatever the action. Calling needs no
    /// token in (the action carries the new one, which must be newer than any before).
    public func applying(
        _ action: TicketAction, token presented: FencingToken? = nil, at now: Date,
        counter: Int?, operatorID: String?, rules: QueueRules
    ) throws(QueueRuleError) -> Ticket {
        var next = self
        var detail: String?
        let shown = number.display

        switch action {
        case let .call(newToken):
            guard let counter else { throw .counterRequired(ticket: shown) }
            guard state.isCallable else { throw refusal(action, rules: rules) }
            if let target = targetCounter, target != counter {
                throw .reservedForCounter(ticket: shown, counter: target)
            }
            if let current = token, newToken <= current {
                throw .tokenNotNewer(ticket: shown, given: newToken, current: current)
            }
            next.state = .called
            next.token = newToken
            next.counter = counter
            next.operatorID = operatorID
            next.recallCount = 0
            next.targetCounter = nil
            next.firstCalledAt = firstCalledAt ?? now

        case .recall:
            try requireClaim(in: [.called], presented, action, rules)
            next.recallCount += 1
            detail = "richiamo \(next.recallCount)"

        case .markNoShow:
            try requireClaim(in: [.called], presented, action, rules)
            guard recallCount >= rules.recallsBeforeNoShow else {
                throw .tooFewRecalls(ticket: shown, recalls: recallCount, required: rules.recallsBeforeNoShow)
            }
            next.state = .noShow
            next.outcome = OutcomeCode.nonPresentato.code

        case .reactivate:
            guard state == .noShow else { throw refusal(action, rules: rules) }
            let minutes = Int((now.timeIntervalSince(stateSince) / 60).rounded(.down))
            guard now.timeIntervalSince(stateSince) <= Double(rules.noShowReactivationMinutes) * 60 else {
                throw .reactivationExpired(ticket: shown, minutes: minutes, window: rules.noShowReactivationMinutes)
            }
            next.state = .waiting
            next.outcome = nil
            next.recallCount = 0

        case .startService:
            try requireClaim(in: [.called], presented, action, rules)
            next.state = .serving

        case let .park(note):
            try requireClaim(in: [.serving], presented, action, rules)
            next.state = .parked
            detail = note

        case let .transfer(serviceCode, targetCounter, note):
            try requireClaim(in: [.called, .serving], presented, action, rules)
            guard serviceCode != nil || targetCounter != nil else {
                throw .transferWithoutTarget(ticket: shown)
            }
            if targetCounter == nil, serviceCode == self.serviceCode {
                throw .transferToSamePlace(ticket: shown)
            }
            next.state = .transferred
            next.serviceCode = serviceCode ?? self.serviceCode
            next.targetCounter = targetCounter
            next.recallCount = 0
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                next.note = [self.note, trimmed].compactMap { $0 }.joined(separator: " · ")
            }
            let destination = [
                serviceCode.map { "servizio \($0)" }, targetCounter.map { "sportello \($0)" },
            ].compactMap { $0 }.joined(separator: ", ")
            detail = trimmed.isEmpty ? destination : "\(destination): \(trimmed)"

        case let .close(code, procedures, contactID):
            try requireClaim(in: [.called, .serving], presented, action, rules)
            guard let outcome = rules.outcome(code) else { throw .unknownOutcome(code: code) }
            guard outcome.setBy == .operatorChoice else {
                throw .outcomeNotChosenByOperator(code: outcome.code, name: outcome.name)
            }
            next.state = .done
            next.outcome = outcome.code
            next.procedures = procedures
            next.contactID = contactID ?? self.contactID
            detail = ([outcome.code] + procedures).joined(separator: " ")

        case let .cancel(reason):
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .reasonRequired(verb: action.italianVerb) }
            if state == .called {
                try requireClaim(in: [.called], presented, action, rules)
            } else if !state.isCallable {
                throw refusal(action, rules: rules)
            }
            next.state = .cancelled
            next.outcome = OutcomeCode.annullato.code
            next.targetCounter = nil
            detail = trimmed

        case let .linkContact(contactID):
            // Only the counter holding the ticket may say who the citizen is.
            guard state.isClaimed else { throw refusal(action, rules: rules) }
            if let counter, let holder = self.counter, counter != holder {
                throw .heldByAnotherCounter(ticket: shown, counter: holder)
            }
            try requireClaim(in: [.called, .serving], presented, action, rules)
            let trimmed = contactID.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .contactRequired(ticket: shown) }
            next.contactID = trimmed
            detail = trimmed

        case .closeAtEndOfDay:
            guard state.isCallable else { throw refusal(action, rules: rules) }
            next.state = .cancelled
            next.outcome = OutcomeCode.chiusoFineGiornata.code
            next.targetCounter = nil
        }

        if next.state != state { next.stateSince = now }
        next.history.append(TicketEvent(
            kind: action.kind, at: now, from: state, to: next.state,
            counter: counter, operatorID: operatorID, detail: detail))
        return next
    }

    /// Checks that the ticket is held (in one of `states`) and that `presented` is its token.
    private func requireClaim(
        in states: Set<TicketState>, _ presented: FencingToken?, _ action: TicketAction,
        _ rules: QueueRules
    ) throws(QueueRuleError) {
        guard states.contains(state) else { throw refusal(action, rules: rules) }
        guard let presented, presented == token else {
            throw .staleToken(ticket: number.display, given: presented, current: token)
        }
    }

    /// Why `action` does not fit the current state.
    private func refusal(_ action: TicketAction, rules: QueueRules) -> QueueRuleError {
        let shown = number.display
        switch state {
        case .done, .cancelled:
            return .alreadyEnded(ticket: shown, state: state,
                                 outcome: outcome.map { rules.outcome($0)?.name ?? $0 })
        case .called:
            if case .call = action { return .alreadyCalled(ticket: shown, counter: counter) }
        case .serving:
            switch action {
            case .call, .startService: return .alreadyServing(ticket: shown, counter: counter)
            default: break
            }
        default:
            break
        }
        return .notAllowed(ticket: shown, state: state, verb: action.italianVerb)
    }
}
