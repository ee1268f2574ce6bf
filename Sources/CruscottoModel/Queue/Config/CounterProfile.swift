/// The services a counter serves, in order of preference (polifunzionale, CIE, accoglienza).
public struct CounterProfile: Hashable, Codable, Sendable, Identifiable {
    public var code: String
    public var name: String
    /// Service codes, most preferred first.
    public var serviceCodes: [String]

    public var id: String { code }

    enum CodingKeys: String, CodingKey {
        case code, name
        case serviceCodes = "services"
    }

    public init(code: String, name: String, serviceCodes: [String]) {
        self.code = code
        self.name = name
        self.serviceCodes = serviceCodes
    }

    /// Position of a service in the preference order, nil when the profile does not serve it.
    public func rank(of serviceCode: String) -> Int? { serviceCodes.firstIndex(of: serviceCode) }
}
