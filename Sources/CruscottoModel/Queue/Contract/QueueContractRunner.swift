import Foundation

/// Runs a contract script on a backend and records every answer. The contract suite runs the
/// same script on `InMemoryQueueBackend` and on a real backend and compares the transcripts.
public enum QueueContractRunner {
    public static func run(
        _ steps: [QueueContractStep], on backend: any QueueBackend,
        setTime: @Sendable (Date) -> Void
    ) async -> [QueueContractOutcome] {
        var issued: [Int64] = []
        var tokens: [Int64: [FencingToken]] = [:]
        var lastClaim: [Int: Int64] = [:]
        var outcomes: [QueueContractOutcome] = []
        // The ticket a step refers to and the token it presents. A ticket that was never
        // issued or claimed gets an id no backend gives out.
        func target(_ ref: QueueContractStep.TicketRef, _ choice: QueueContractStep.TokenChoice) -> (Int64, FencingToken?) {
            let id: Int64 = switch ref {
            case let .issued(index): issued.indices.contains(index) ? issued[index] : -1
            case let .lastClaimedBy(counter): lastClaim[counter] ?? -1
            }
            let seen = tokens[id] ?? []
            let token: FencingToken? = switch choice {
            case .none: nil
            case .latest: seen.last
            case .previous: seen.count >= 2 ? seen[seen.count - 2] : nil
            }
            return (id, token)
        }
        for step in steps {
            do {
                switch step {
                case let .setTime(instant):
                    setTime(instant)
                    outcomes.append(.done)
                case let .issue(request):
                    let ticket = try await backend.issue(request)
                    issued.append(ticket.id)
                    outcomes.append(.ticket(ticket))
                case let .claim(request):
                    let claim = try await backend.claim(request)
                    if let claim {
                        tokens[claim.ticket.id, default: []].append(claim.token)
                        lastClaim[request.counter] = claim.ticket.id
                    }
                    outcomes.append(.claim(claim))
                case let .transition(ref, choice, action, counter, operatorID):
                    let (id, token) = target(ref, choice)
                    let ticket = try await backend.transition(TransitionRequest(
                        ticketID: id, token: token, action: action, counter: counter, operatorID: operatorID))
                    outcomes.append(.ticket(ticket))
                case let .transitionAndClaim(ref, choice, action, counter, operatorID):
                    let (id, token) = target(ref, choice)
                    let answer = try await backend.transitionAndClaim(
                        TransitionRequest(ticketID: id, token: token, action: action, counter: counter, operatorID: operatorID),
                        next: ClaimRequest(counter: counter, operatorID: operatorID))
                    if let claim = answer.claim {
                        tokens[claim.ticket.id, default: []].append(claim.token)
                        lastClaim[counter] = claim.ticket.id
                    }
                    outcomes.append(.transitionAndClaim(answer))
                case .status:
                    outcomes.append(.status(try await backend.status()))
                case let .changes(position, limit):
                    outcomes.append(.changes(try await backend.changes(after: position, limit: limit)))
                case .openOffice:
                    try await backend.openOffice()
                    outcomes.append(.done)
                case let .closeOffice(operatorID):
                    outcomes.append(.report(try await backend.closeOffice(operatorID: operatorID)))
                case let .signIn(counter, operatorID):
                    try await backend.signIn(counter: counter, operatorID: operatorID)
                    outcomes.append(.done)
                case let .signOut(counter):
                    try await backend.signOut(counter: counter)
                    outcomes.append(.done)
                case let .pause(counter, reason):
                    try await backend.pause(counter: counter, reason: reason)
                    outcomes.append(.done)
                case let .resume(counter):
                    try await backend.resume(counter: counter)
                    outcomes.append(.done)
                }
            } catch let error as QueueBackendError {
                outcomes.append(.refused(error.description))
            } catch {
                outcomes.append(.refused("Errore imprevisto: \(error)"))
            }
        }
        return outcomes
    }
}
