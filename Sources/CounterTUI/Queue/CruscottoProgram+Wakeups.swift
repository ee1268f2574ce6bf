import Foundation

/// The cruscotto and the central queue's wake-ups: while the program runs it waits for them off
/// the loop (`AppSubscription`); a wake-up that says "changed" re-reads the queue panel, and a
/// reconnect of the wake-up connection (changes may have been missed meanwhile) also runs one
/// sync exchange at once instead of at the next 5 s round.
extension CruscottoProgram {
    static let queueWakeSubscription = "queue.wake"
    /// A wake-up that finds a read or a sync already under way comes back this much later, so
    /// that a read started before the change is followed by one that sees it.
    static let wakeRetry: Duration = .milliseconds(25)

    public func subscriptions(in state: State) -> [AppSubscription<Message>] {
        guard let queueWakeups, !state.quitting else { return [] }
        return [AppSubscription(id: Self.queueWakeSubscription) { .queueWake(await queueWakeups.next()) }]
    }

    func receiveQueueWake(_ wake: QueueWake, on state: inout State) -> [AppEffect<Message>] {
        var effects: [AppEffect<Message>] = []
        var later = QueueWake(changed: false)
        if wake.reconnected {
            if state.syncing {
                later.reconnected = true
            } else {
                state.syncing = true
                let service = self.service
                effects.append(.run { .synced(await service.syncInBackground()) })
            }
        }
        if wake.changed, !state.quitting, queueOperations(state) != nil {
            if state.cruscotto.counterQueue.refreshing {
                later.changed = true
            } else {
                effects += refreshQueue(&state)
            }
        }
        if later.changed || later.reconnected {
            let later = later
            effects.append(.run {
                try? await Task.sleep(for: Self.wakeRetry)
                return .queueWake(later)
            })
        }
        return effects
    }
}
