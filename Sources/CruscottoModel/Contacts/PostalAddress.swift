/// A residence or home address as written on Italian forms.
public struct PostalAddress: Hashable, Sendable, Codable {
    /// Street with its type ("Via Roma", "Piazza Cavalli").
    public var street: String
    /// House number with any suffix ("12", "12/B", "snc").
    public var number: String
    /// Five-digit postal code, kept as text (leading zeros).
    public var cap: String
    public var comune: String
    /// Two-letter province code ("PC"), empty abroad or when unknown.
    public var province: String

    public init(street: String = "", number: String = "", cap: String = "", comune: String = "", province: String = "") {
        self.street = street
        self.number = number
        self.cap = cap
        self.comune = comune
        self.province = province
    }

    public var isEmpty: Bool {
        street.isEmpty && number.isEmpty && cap.isEmpty && comune.isEmpty && province.isEmpty
    }
}
