/// Fees of a procedure in integer cents (the file has euros; amounts set by each comune are 0).
public struct CatalogFees: Sendable, Equatable, Decodable {
    public let bolloCents: Int
    public let dirittiCents: Int
    public let otherCents: Int
    public let notes: String

    enum CodingKeys: String, CodingKey {
        case bollo = "bollo_eur", diritti = "diritti_eur", other = "other_eur", notes
    }

    public init(bolloCents: Int, dirittiCents: Int, otherCents: Int, notes: String) {
        self.bolloCents = bolloCents
        self.dirittiCents = dirittiCents
        self.otherCents = otherCents
        self.notes = notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bolloCents = try CatalogFees.cents(c.decode(Double.self, forKey: .bollo))
        dirittiCents = try CatalogFees.cents(c.decode(Double.self, forKey: .diritti))
        otherCents = try CatalogFees.cents(c.decode(Double.self, forKey: .other))
        notes = try c.decode(String.self, forKey: .notes)
    }

    public var totalCents: Int { bolloCents + dirittiCents + otherCents }

    private static func cents(_ euros: Double) throws -> Int {
        guard euros.isFinite, euros >= 0, euros < 1_000_000 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "importo non valido: \(euros)"))
        }
        return Int((euros * 100).rounded())
    }
}
