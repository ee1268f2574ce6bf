import Foundation

/// Left column: the queue by service and the other counters. The queue is not handled at
/// this station yet, and the panel says so rather than showing an empty queue.
public struct QueuePanel: CruscottoPanel {
    public init() {}
    public var title: String { "Coda" }
    public var helpText: String { "Coda: servizi in attesa e stato degli altri sportelli." }

    public func draw(into buffer: inout ScreenBuffer, _ inner: Rect, now: Date) {
        drawEmptyState([
            "Coda non attiva.",
            "Da questa postazione non si chiamano biglietti.",
        ], into: &buffer, inner)
    }
}
