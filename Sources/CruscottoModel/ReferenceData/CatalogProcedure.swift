/// A procedure of the catalog (scheda prodotto): what the counter does, what it costs, what it
/// needs, and where it goes next.
public struct CatalogProcedure: Sendable, Equatable, Decodable {
    public let code: String
    public let name: String
    /// Code of its `CatalogArea`.
    public let area: String
    public let level: CatalogLevel
    public let appointment: Bool
    /// Typical minutes at the counter.
    public let minutes: Int
    /// What the citizen gets ("certificato", "ricevuta", "istanza_protocollata"…).
    public let output: String
    public let fees: CatalogFees
    public let requiredDocuments: [String]
    public let formFields: [CatalogFormField]
    /// Back-office office that concludes it, nil when closed at the counter.
    public let backOffice: String?
    public let deadlineDays: Int?
    /// Outcomes the citizen is notified of ("accolta", "respinta", "pronta_per_ritiro").
    public let notifyOn: [String]
    public let legalRefs: [String]
    public let notes: String

    enum CodingKeys: String, CodingKey {
        case code, name, area, level, appointment, minutes, output, fees, notes
        case requiredDocuments = "required_documents"
        case formFields = "form_fields"
        case backOffice = "back_office"
        case deadlineDays = "deadline_days"
        case notifyOn = "notify_on"
        case legalRefs = "legal_refs"
    }
}
