import Foundation

/// Right, top: the ticket being served and the identified citizen.
public struct CitizenPanel: CruscottoPanel {
    /// The citizen identified through the registry (the card last opened).
    public var identified: ContactCard?

    public init() {}
    public var title: String { "Cittadino" }
    public var helpText: String { "Cittadino: il biglietto in servizio e la persona identificata." }

    public func draw(into buffer: inout ScreenBuffer, _ inner: Rect, now: Date) {
        guard let identified else {
            drawEmptyState(["Nessun cittadino in servizio."], into: &buffer, inner)
            return
        }
        ContactCardView.drawSummary(into: &buffer, inner, card: identified, now: now)
    }
}
