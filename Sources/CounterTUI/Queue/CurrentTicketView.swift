import CruscottoModel
import Foundation

/// The top of the citizen panel: the ticket this counter holds, when it was called, how long
/// the citizen waited, recalls and note; or that the counter is free or in pause. Returns the
/// rows it used, so the citizen card goes below.
enum CurrentTicketView {
    static func draw(into buffer: inout ScreenBuffer, _ inner: Rect, queue: CounterQueueState, counter: Int, now: Date) -> Int {
        let width = inner.width - 2
        guard width > 0, inner.height > 0 else { return 0 }
        let x = inner.x + 1
        guard let current = queue.current else {
            let text: String
            if let line = queue.line(of: counter), line.activity == .paused {
                text = "Sportello in pausa" + (line.pauseReason.map { " (\($0))" } ?? "") + "."
            } else if queue.status == nil {
                text = "Nessun biglietto."
            } else {
                text = "Nessun biglietto chiamato."
            }
            buffer.write(text, x: x, y: inner.y, maxWidth: width, style: .dim)
            return 1
        }
        let ticket = current.ticket
        let called = ticket.history.last { $0.kind == "call" }?.at ?? ticket.stateSince
        let left = "\(ticket.displayNumber)  chiamato \(ItalianTime.clockText(called))  attesa \(ticket.waitedMinutes(at: now))'"
        let right = ticket.state.italianName
        buffer.write(left, x: x, y: inner.y, maxWidth: width, style: .title)
        buffer.write(right, x: x + width - DisplayWidth.of(right), y: inner.y, style: ticket.state == .serving ? .ok : .warning)
        var details: [String] = []
        // Who the citizen is comes first: the narrowest panel still shows it.
        if let citizen = queue.linkedCitizen { details.append("cittadino: \(citizen)") }
        if let service = queue.configuration?.service(ticket.serviceCode) { details.append(service.name) }
        if let priority = ticket.priority {
            details.append("priorità: " + (queue.configuration?.priority(priority)?.name ?? priority))
        }
        if ticket.recallCount > 0 { details.append("richiami \(ticket.recallCount)") }
        if let note = ticket.note, !note.isEmpty { details.append("nota: \(note)") }
        guard inner.height > 1, !details.isEmpty else { return 1 }
        buffer.write(details.joined(separator: " · "), x: x, y: inner.y + 1, maxWidth: width, style: .dim)
        return 2
    }
}
