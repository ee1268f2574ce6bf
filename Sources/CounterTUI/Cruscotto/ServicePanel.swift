import Foundation

/// Right, middle: the procedure in progress (form, fees).
public struct ServicePanel: CruscottoPanel {
    public init() {}
    public var title: String { "Servizio" }
    public var helpText: String { "Servizio: la pratica in corso, con modulo e importi." }

    public func draw(into buffer: inout ScreenBuffer, _ inner: Rect, now: Date) {
        drawEmptyState(["Nessuna pratica in corso."], into: &buffer, inner)
    }
}
