import Foundation

/// Right, top: the ticket being served and the identified citizen.
public struct CitizenPanel: CruscottoPanel {
    public init() {}
    public var title: String { "Cittadino" }
    public var helpText: String { "Cittadino: il biglietto in servizio e la persona identificata." }

    public func draw(into buffer: inout ScreenBuffer, _ inner: Rect, now: Date) {
        drawEmptyState(["Nessun cittadino in servizio."], into: &buffer, inner)
    }
}
