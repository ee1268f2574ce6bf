import Foundation

/// Italian first names, surnames and street types for demo, test and simulation data,
/// compiled into the program and decoded once on first use.
public struct ItalianNames: Sendable, Decodable {
    public static let shared: ItalianNames = ItalianNames(json: ItalianNamesData.text) ?? ItalianNames()

    public let maleFirstNames: [String]
    public let femaleFirstNames: [String]
    public let surnames: [String]
    public let streetTypes: [String]

    enum CodingKeys: String, CodingKey {
        case maleFirstNames = "first_names_male"
        case femaleFirstNames = "first_names_female"
        case surnames = "last_names"
        case streetTypes = "street_types"
    }

    /// nil when the JSON does not have the four lists.
    public init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(ItalianNames.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }

    private init() {
        maleFirstNames = []
        femaleFirstNames = []
        surnames = []
        streetTypes = []
    }
}
