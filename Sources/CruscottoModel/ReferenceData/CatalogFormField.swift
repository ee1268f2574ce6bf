/// One field of a procedure's intake form.
public struct CatalogFormField: Sendable, Equatable, Decodable {
    public let name: String
    public let label: String
    public let type: CatalogFieldType
    public let required: Bool
    /// Allowed values of a `choice` field.
    public let options: [String]

    enum CodingKeys: String, CodingKey {
        case name, label, type, required, options
    }

    public init(name: String, label: String, type: CatalogFieldType, required: Bool, options: [String] = []) {
        self.name = name
        self.label = label
        self.type = type
        self.required = required
        self.options = options
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        label = try c.decode(String.self, forKey: .label)
        type = try c.decode(CatalogFieldType.self, forKey: .type)
        required = try c.decode(Bool.self, forKey: .required)
        options = try c.decodeIfPresent([String].self, forKey: .options) ?? []
        if type == .choice && options.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .options, in: c, debugDescription: "choice field \(name) without options")
        }
    }
}
