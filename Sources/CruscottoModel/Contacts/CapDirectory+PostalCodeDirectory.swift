/// The compiled-in CAP directory answers the registry's address hints.
extension CapDirectory: PostalCodeDirectory {
    public func places(forCap cap: String) -> [PostalPlace] {
        comuni(forCap: cap).map { PostalPlace(comune: $0.comune, province: $0.province) }
    }
}
