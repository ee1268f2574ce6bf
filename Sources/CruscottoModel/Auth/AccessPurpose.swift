/// Why an operator touches a person's data; recorded in the access audit.
public enum AccessPurpose: String, CaseIterable, Sendable, Codable {
    /// Serving the citizen at the counter (identification, procedure, certificate).
    case service
    /// Working a handed-off application in the back office.
    case backoffice
    /// Checking the office's records as responsabile or security officer.
    case audit
    /// Maintenance of the registry (imports, corrections).
    case administration
    /// Simulation on training data.
    case training

    public var label: String {
        switch self {
        case .service: "erogazione del servizio"
        case .backoffice: "istruttoria di back office"
        case .audit: "controllo"
        case .administration: "amministrazione"
        case .training: "formazione"
        }
    }
}
