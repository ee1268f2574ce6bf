import CruscottoModel
import Foundation
import PostgresNIO

extension PostgresQueueBackend {
    /// The transition decided by the model on the ticket as last seen, written and followed by
    /// the claim in one call of `queue_write_and_claim` (one transaction, one commit, one round
    /// trip). A changed row or a stale token is read again and decided again, as `transition`
    /// does; a refused claim rolls the write back and is answered as `claim` answers it.
    public func transitionAndClaim(_ request: TransitionRequest, next: ClaimRequest) async throws
        -> QueueTransitionAndClaim {
        // A claim the station already knows it cannot make: nothing is written; the refusal of
        // the transition, if the fresh ticket refuses it, comes first (as in the reference).
        if let problem = claimProblem(next) {
            guard let fresh = try await read(ticketID: request.ticketID) else {
                throw QueueBackendError.unknownTicket(id: request.ticketID)
            }
            _ = try decide(request, on: fresh.ticket, now: clock.now())
            throw problem
        }
        var prefix: String?
        var seq: Int?
        if case let .specific(number) = next.target { (prefix, seq) = (number.prefix, number.seq) }
        return try await writeDecided(request) { current, after, now, release in
            let doc = try QueueJSON.text(after)
            let token = request.token?.value
            let kind = request.action.kind
            let epoch = now.timeIntervalSince1970
            let dayText = LocalDay(containing: now).description
            let answer = try await callGuarded("""
                SELECT sportello.queue_write_and_claim(\(current.ticket.id), \(current.version)::integer, \(doc)::jsonb, \
                \(token)::bigint, \(kind), \(epoch), \(release)::integer, \(next.counter)::integer, \
                \(next.operatorID)::text, \(prefix)::text, \(seq)::integer, \(dayText)::date, \(now), \(epoch))::text
                """)
            switch answer {
            case let .success(text):
                let claimAnswer = try QueueJSON.decode(ClaimAnswer.self, text)
                remember(after, version: claimAnswer.written ?? current.version + 1)
                let claim = try outcome(of: claimAnswer, request: next, counter: next.counter, now: now,
                                        prefix: prefix, seq: seq)
                return QueueTransitionAndClaim(ticket: after, claim: claim)
            case let .failure(refusal) where refusal.sqlState == "SQ460":
                // The claim was refused and the write rolled back: the ticket is as it was.
                let claimAnswer = try QueueJSON.decode(ClaimAnswer.self, refusal.message)
                _ = try outcome(of: claimAnswer, request: next, counter: next.counter, now: now, prefix: prefix, seq: seq)
                throw QueueBackendError.unavailable(reason: "chiamata rifiutata dal database centrale")
            case .failure:
                return nil
            }
        }
    }

    /// The refusals of a claim decided from the configuration alone (as `claim` checks first).
    func claimProblem(_ request: ClaimRequest) -> QueueBackendError? {
        guard let counter = config.counter(request.counter) else { return .unknownCounter(number: request.counter) }
        guard let code = counter.profileCode, config.profile(code) != nil else {
            return .counterWithoutProfile(number: counter.number)
        }
        return nil
    }
}
