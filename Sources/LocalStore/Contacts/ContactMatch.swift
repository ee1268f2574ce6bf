import CruscottoModel

/// One search result: what the result list shows, and the tier that placed it.
public struct ContactMatch: Sendable, Hashable {
    public let facts: ContactSearchFacts
    public let tier: ContactRanking.Tier
    public let birthDate: CivilDate?
    public let comune: String

    public var id: ContactID { facts.id }
}
