import CruscottoModel
import LocalStore

/// A closed ticket's entry for the linked person's history ("served at counter 3, ticket
/// A012, outcome …"), written with the access context of the operator who closed it.
struct TicketVisit: Sendable {
    let contacts: any ContactDirectory
    let id: ContactID
    let summary: String
    let reference: String
    let context: AccessContext

    func record() async throws {
        try await contacts.recordTicket(id, summary: summary, reference: reference, context: context)
    }
}
