/// An area of the catalog (Anagrafe, Stato civile, CIE…).
public struct CatalogArea: Sendable, Equatable, Decodable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
