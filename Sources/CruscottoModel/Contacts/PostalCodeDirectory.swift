/// CAP → comuni lookups for address hints. The compiled-in CAP directory of the reference
/// data provides it; it is good enough for hints and warnings, not an authoritative list
/// (large cities have many CAPs), so nothing is ever refused because of it.
public protocol PostalCodeDirectory: Sendable {
    /// The places (comune or locality, with province) a CAP serves; empty when unknown.
    func places(forCap cap: String) -> [PostalPlace]
}

/// A comune or locality served by a CAP.
public struct PostalPlace: Hashable, Sendable {
    public var comune: String
    public var province: String

    public init(comune: String, province: String) {
        self.comune = comune
        self.province = province
    }
}
