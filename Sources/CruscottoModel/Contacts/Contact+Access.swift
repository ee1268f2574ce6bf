import Foundation

extension Contact {
    /// A new contact created by the operator of an access context.
    public init(id: ContactID, details: ContactDetails, createdBy context: AccessContext, at instant: Date, importIdentity: String? = nil) {
        self.init(id: id, details: details, createdAt: instant, createdBy: context.operatorUsername, importIdentity: importIdentity)
    }

    /// Applies edited details, stamping who and when, and returns the event the store
    /// appends to the outbox in the same transaction.
    public mutating func update(_ newDetails: ContactDetails, by context: AccessContext, at instant: Date) -> ContactEvent {
        details = newDetails
        updatedBy = context.operatorUsername
        updatedAt = instant
        return .updated(id: id, details: newDetails, by: context.operatorUsername, at: instant)
    }

    /// Records that the person was served now, and returns the outbox event.
    public mutating func recordVisit(at instant: Date) -> ContactEvent {
        lastVisitAt = instant
        return .visited(id: id, at: instant)
    }
}
