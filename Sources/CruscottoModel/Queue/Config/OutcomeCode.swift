/// How a ticket ended. Some outcomes are chosen by the operator when closing; the others are
/// set only by their own transition (no-show, cancel, end-of-day closing).
public struct OutcomeCode: Hashable, Codable, Sendable, Identifiable {
    public enum Setter: String, Codable, Sendable {
        /// Chosen by the operator when closing a ticket at the counter.
        case operatorChoice = "operator"
        /// Set by the system by its own transition.
        case system
    }

    public var code: String
    public var name: String
    /// Whether the citizen counts as served in the metrics.
    public var served: Bool
    public var setBy: Setter

    public var id: String { code }

    enum CodingKeys: String, CodingKey {
        case code, name, served
        case setBy = "set_by"
    }

    public init(code: String, name: String, served: Bool, setBy: Setter = .operatorChoice) {
        self.code = code
        self.name = name
        self.served = served
        self.setBy = setBy
    }

    public static let servito = OutcomeCode(code: "servito", name: "servito", served: true)
    public static let servitoBackOffice = OutcomeCode(
        code: "servito_back_office", name: "servito con pratica al back office", served: true)
    public static let informazione = OutcomeCode(code: "informazione", name: "informazione", served: true)
    public static let documentiMancanti = OutcomeCode(
        code: "documenti_mancanti", name: "documentazione incompleta", served: false)
    public static let rinviato = OutcomeCode(
        code: "rinviato", name: "rinviato su appuntamento", served: false)
    public static let nonPresentato = OutcomeCode(
        code: "non_presentato", name: "non presentato", served: false, setBy: .system)
    public static let annullato = OutcomeCode(
        code: "annullato", name: "annullato", served: false, setBy: .system)
    public static let chiusoFineGiornata = OutcomeCode(
        code: "chiuso_fine_giornata", name: "chiuso a fine giornata", served: false, setBy: .system)

    public static let defaults: [OutcomeCode] = [
        .servito, .servitoBackOffice, .informazione, .documentiMancanti, .rinviato,
        .nonPresentato, .annullato, .chiusoFineGiornata,
    ]
}
