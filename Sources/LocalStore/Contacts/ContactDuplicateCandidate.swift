import CruscottoModel

/// Another contact that is probably the same person, with the reasons (most telling first).
public struct ContactDuplicateCandidate: Sendable, Hashable {
    public let contact: StoredContact
    public let reasons: [ContactDuplicateRule.Reason]
}
