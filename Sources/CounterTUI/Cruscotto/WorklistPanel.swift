import Foundation

/// Right, bottom: what waits for this citizen or this counter.
public struct WorklistPanel: CruscottoPanel {
    public init() {}
    public var title: String { "Da fare" }
    public var helpText: String { "Da fare: quello che aspetta questo cittadino o questo sportello." }

    public func draw(into buffer: inout ScreenBuffer, _ inner: Rect, now: Date) {
        drawEmptyState(["Nessuna attività in sospeso."], into: &buffer, inner)
    }
}
