import CruscottoModel

/// One answer to "why are you opening this card?": a short list, the last one free text.
public struct ContactPurposeChoice: Hashable, Sendable {
    public var label: String
    public var purpose: AccessPurpose
    /// The operator writes the reason (it goes into the access context and the audit).
    public var needsText: Bool

    public static let all: [ContactPurposeChoice] = [
        ContactPurposeChoice(label: "Il cittadino è allo sportello", purpose: .service, needsText: false),
        ContactPurposeChoice(label: "Istruttoria di una pratica", purpose: .backoffice, needsText: false),
        ContactPurposeChoice(label: "Correzione dei dati anagrafici", purpose: .administration, needsText: false),
        ContactPurposeChoice(label: "Controllo", purpose: .audit, needsText: false),
        ContactPurposeChoice(label: "Altro motivo (scriverlo)", purpose: .service, needsText: true),
    ]
}
