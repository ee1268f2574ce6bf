extension QueueBackend {
    /// The two operations one after the other, for simulations and test doubles that have no
    /// central side to make them one; the central backends and the reference override it with
    /// one atomic operation.
    public func transitionAndClaim(_ transition: TransitionRequest, next: ClaimRequest) async throws
        -> QueueTransitionAndClaim {
        let ticket = try await self.transition(transition)
        return QueueTransitionAndClaim(ticket: ticket, claim: try await claim(next))
    }
}
