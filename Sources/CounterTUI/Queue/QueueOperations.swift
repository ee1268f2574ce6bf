import CruscottoModel
import Foundation
import LocalStore

/// The queue operations of a counter, each run as an effect off the loop through the
/// `QueueBackend` protocol (screens never see SQL). Each returns the message for `update`;
/// a refusal comes back as `.failed` with the central side's Italian reason.
struct QueueOperations: Sendable {
    let backend: any QueueBackend
    let counter: Int
    let operatorID: String
    /// The station's offline queue (nil: none here).
    var offline: OfflineTicketDesk?

    static func reason(_ error: any Error) -> String {
        if let error = error as? QueueBackendError { return error.description }
        return String(describing: error)
    }

    /// The offline queue's picture for this counter (nil without one, or when the store cannot
    /// be read).
    func offlineSnapshot() -> OfflineQueueSnapshot? {
        guard let offline else { return nil }
        do {
            let held = try offline.held(counter: counter).flatMap { ticket in ticket.token.map { CurrentTicket(ticket: ticket, token: $0) } }
            return OfflineQueueSnapshot(configuration: try offline.configuration(), waiting: try offline.waiting(),
                                        remaining: try offline.remaining(), held: held)
        } catch {
            return nil
        }
    }

    /// The central queue's picture; while it is readable the station also tops up its offline
    /// blocks (a failure there waits for the next read). When it cannot be read and the station
    /// has an offline queue, that queue's picture instead.
    func refresh(generation: Int) async -> CounterQueueMessage {
        do {
            let configuration = try await backend.configuration()
            let status = try await backend.status()
            if let offline, let reserving = backend as? any OfflineBlockReserving {
                _ = try? await offline.topUp(from: reserving, configuration: configuration)
            }
            var held: CurrentTicket?
            if let line = status.counters.first(where: { $0.number == counter }),
               let text = line.ticketNumber, let number = TicketNumber(parsing: text) {
                let ticket = try await backend.ticket(number: number)
                if ticket.state.isClaimed, ticket.counter == counter, let token = ticket.token {
                    held = CurrentTicket(ticket: ticket, token: token)
                }
            }
            let snapshot = offlineSnapshot()
            return .refreshed(configuration, status, held: held ?? snapshot?.held, generation: generation, offline: snapshot)
        } catch {
            if let snapshot = offlineSnapshot() {
                return .refreshedOffline(snapshot, problem: Self.reason(error), generation: generation)
            }
            return .refreshFailed(Self.reason(error))
        }
    }

    /// Offline tickets are called first, online too (they wait for this station only); while
    /// working offline only they are.
    func callNext(offlineOnly: Bool) async -> CounterQueueMessage {
        if let offline, offlineOnly || !((try? offline.waiting()) ?? []).isEmpty {
            do {
                guard let claim = try offline.callNext(counter: counter, operatorID: operatorID) else {
                    return .noted(.info("Nessun biglietto di riserva da chiamare."))
                }
                return .done(current: CurrentTicket(ticket: claim.ticket, token: claim.token),
                             message: .ok("Chiamato il biglietto di riserva \(claim.ticket.displayNumber)."))
            } catch {
                return .failed(Self.reason(error))
            }
        }
        return await callNext()
    }

    func callNext() async -> CounterQueueMessage {
        do {
            guard let claim = try await backend.claim(ClaimRequest(counter: counter, operatorID: operatorID)) else {
                return .noted(.info("Nessun biglietto da chiamare per questo sportello."))
            }
            return .done(current: CurrentTicket(ticket: claim.ticket, token: claim.token),
                         message: .ok("Chiamato il biglietto \(claim.ticket.displayNumber)."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    /// A specific number; a no-show still within its window is re-activated first.
    func call(_ number: TicketNumber) async -> CounterQueueMessage {
        do {
            let ticket = try await backend.ticket(number: number)
            var reactivated = false
            if ticket.state == .noShow {
                _ = try await backend.transition(TransitionRequest(
                    ticketID: ticket.id, token: nil, action: .reactivate, counter: counter, operatorID: operatorID))
                reactivated = true
            }
            guard let claim = try await backend.claim(
                ClaimRequest(counter: counter, operatorID: operatorID, target: .specific(number)))
            else { return .failed("Il biglietto \(number.display) non si può chiamare.") }
            let text = reactivated
                ? "Biglietto \(number.display) riattivato e chiamato."
                : "Chiamato il biglietto \(number.display)."
            return .done(current: CurrentTicket(ticket: claim.ticket, token: claim.token), message: .ok(text))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    /// A transition of the held ticket with its token; the ticket stays here only while the
    /// new state is still held by a counter.
    func transition(_ current: CurrentTicket, _ action: TicketAction) async -> CounterQueueMessage {
        do {
            let after: Ticket
            if current.ticket.isOffline, let offline {
                after = try offline.transition(ticketID: current.ticket.id, token: current.token, action: action,
                                               counter: counter, operatorID: operatorID)
            } else {
                after = try await backend.transition(TransitionRequest(
                    ticketID: current.ticket.id, token: current.token, action: action, counter: counter,
                    operatorID: operatorID))
            }
            let held = after.state.isClaimed ? CurrentTicket(ticket: after, token: current.token) : nil
            return .done(current: held, message: .ok(Self.doneText(action, after)))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    /// "Chiudi e chiama il prossimo": the held (central) ticket's transition and the next
    /// call in one central operation, so a refusal of either leaves the ticket held here and
    /// nothing half done; an empty line only closes.
    func closeAndCallNext(_ current: CurrentTicket, _ action: TicketAction) async -> CounterQueueMessage {
        guard !current.ticket.isOffline else {
            return .failed("Il biglietto di riserva \(current.ticket.displayNumber) si chiude con Invio, poi F2 chiama il prossimo.")
        }
        do {
            let answer = try await backend.transitionAndClaim(
                TransitionRequest(ticketID: current.ticket.id, token: current.token, action: action, counter: counter,
                                  operatorID: operatorID),
                next: ClaimRequest(counter: counter, operatorID: operatorID))
            let closed = String(Self.doneText(action, answer.ticket).dropLast())
            guard let claim = answer.claim else {
                let held = answer.ticket.state.isClaimed ? CurrentTicket(ticket: answer.ticket, token: current.token) : nil
                return .done(current: held, message: .ok("\(closed); nessun biglietto in attesa per questo sportello."))
            }
            return .done(current: CurrentTicket(ticket: claim.ticket, token: claim.token),
                         message: .ok("\(closed); chiamato il biglietto \(claim.ticket.displayNumber)."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    static func doneText(_ action: TicketAction, _ ticket: Ticket) -> String {
        let number = ticket.displayNumber
        switch action {
        case .recall:
            return "Biglietto \(number) richiamato (\(ticket.recallCount) \(ticket.recallCount == 1 ? "richiamo" : "richiami"))."
        case .markNoShow: return "Biglietto \(number) segnato come non presentato."
        case .startService: return "Servizio avviato per il biglietto \(number)."
        case .park: return "Biglietto \(number) sospeso: riprende in testa alla coda."
        case .transfer(let service, let counter, _):
            let target = counter.map { "allo sportello \($0)" } ?? "al servizio \(service ?? "")"
            return "Biglietto \(number) trasferito \(target)."
        case .close(let outcome, _, _): return "Biglietto \(number) chiuso (\(outcome.replacingOccurrences(of: "_", with: " ")))."
        case .linkContact: return "Biglietto \(number) collegato al cittadino."
        default: return "Biglietto \(number): \(ticket.state.italianName)."
        }
    }

    /// An offline ticket from the station's reserved numbers, for this station's queue.
    func issueOffline(_ request: IssueRequest) async -> CounterQueueMessage {
        guard let offline else { return .failed("Questa postazione non ha numeri di riserva.") }
        do {
            let ticket = try offline.issue(request)
            let ahead = ticket.peopleAheadAtIssue ?? 0
            return .noted(.ok("Emesso il biglietto di riserva \(ticket.displayNumber): \(ahead) \(ahead == 1 ? "persona" : "persone") prima, "
                + "lo chiama solo questa postazione."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    func issue(_ request: IssueRequest) async -> CounterQueueMessage {
        do {
            let ticket = try await backend.issue(request)
            let ahead = ticket.peopleAheadAtIssue ?? 0
            return .noted(.ok("Emesso il biglietto \(ticket.number.display): \(ahead) \(ahead == 1 ? "persona" : "persone") prima, "
                + "attesa stimata \(ticket.estimatedWaitMinutes ?? 0) minuti."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    func pause(_ reason: PauseReason) async -> CounterQueueMessage {
        do {
            try await backend.pause(counter: counter, reason: reason)
            return .noted(.ok("Sportello in pausa (\(reason.italianText))."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    func resume() async -> CounterQueueMessage {
        do {
            try await backend.resume(counter: counter)
            return .noted(.ok("Pausa terminata: lo sportello riprende."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    // MARK: - Office day (the responsabile)

    func openDay() async -> CounterQueueMessage {
        do {
            try await backend.openOffice()
            return .noted(.ok("Giornata dell'ufficio aperta: da ora presenze, pause e attese sono registrate."))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    /// Closes the office day: what still waits is closed as "chiuso a fine giornata".
    func closeDay() async -> CounterQueueMessage {
        do {
            return .dayClosed(try await backend.closeOffice(operatorID: operatorID))
        } catch {
            return .failed(Self.reason(error))
        }
    }

    // MARK: - Session events (quiet: the office day may not be open)

    /// Signs the operator in at this counter. An office day not opened is not a problem
    /// (the queue works without it); the same operator still signed in (after a crash) is fine.
    func signIn() async -> String? {
        do {
            try await backend.signIn(counter: counter, operatorID: operatorID)
            return nil
        } catch QueueBackendError.officeDay(.notOpen), QueueBackendError.officeDay(.alreadyClosed) {
            return nil
        } catch QueueBackendError.officeDay(.counterTaken(_, let present)) where present == operatorID {
            return nil
        } catch {
            return Self.reason(error)
        }
    }

    /// Signs out; a counter still holding a ticket stays staffed (the ticket is not lost).
    func signOut() async -> String? {
        do {
            try await backend.signOut(counter: counter)
            return nil
        } catch QueueBackendError.officeDay(.notOpen), QueueBackendError.officeDay(.alreadyClosed),
                QueueBackendError.officeDay(.counterNotStaffed) {
            return nil
        } catch QueueBackendError.officeDay(.alreadyBusy) {
            return "lo sportello \(counter) ha ancora un biglietto: resta assegnato finché non viene chiuso"
        } catch {
            return Self.reason(error)
        }
    }

    /// The automatic pause of a locked screen (a pause already running is kept).
    func lockPause() async -> String? {
        do {
            try await backend.pause(counter: counter, reason: .screenLocked)
            return nil
        } catch QueueBackendError.officeDay(.notOpen), QueueBackendError.officeDay(.alreadyClosed),
                QueueBackendError.officeDay(.counterNotStaffed), QueueBackendError.officeDay(.alreadyPaused) {
            return nil
        } catch {
            return Self.reason(error)
        }
    }

    /// Ends the automatic pause of the lock.
    func unlockResume() async -> String? {
        do {
            try await backend.resume(counter: counter)
            return nil
        } catch QueueBackendError.officeDay {
            return nil
        } catch {
            return Self.reason(error)
        }
    }
}
