/// Kinds of intake form fields in the catalog.
public enum CatalogFieldType: String, Sendable, Equatable, Decodable, CaseIterable {
    case text
    case number
    case date
    case boolean
    case choice
    case email
    case phone
    case address
    case codiceFiscale = "codice_fiscale"
    /// A person from the contact registry.
    case contactRef = "contact_ref"
}
