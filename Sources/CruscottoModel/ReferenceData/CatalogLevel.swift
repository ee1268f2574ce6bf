/// Where a procedure is handled: info desk, front counter, or handed off to the back office.
public enum CatalogLevel: String, Sendable, Equatable, Decodable, CaseIterable {
    case accoglienza
    case front
    case back
}
