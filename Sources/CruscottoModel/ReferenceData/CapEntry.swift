/// A postal code of a comune (a hint for addresses and demo data, not an authoritative list).
public struct CapEntry: Sendable, Hashable {
    public let cap: String
    public let comune: String
    public let province: String

    public init(cap: String, comune: String, province: String) {
        self.cap = cap
        self.comune = comune
        self.province = province
    }
}
