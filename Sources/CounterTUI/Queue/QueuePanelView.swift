import CruscottoModel
import Foundation

/// The queue panel: per service the people waiting and the longest wait, the totals, then
/// every counter's state (its ticket, pause or free, with the operator). Numbers line up in
/// columns; a closed service says "chiuso".
enum QueuePanelView {
    static func draw(into buffer: inout ScreenBuffer, _ inner: Rect, queue: CounterQueueState, counter: Int, now: Date) {
        let width = inner.width - 2
        guard width > 0, inner.height > 0 else { return }
        let x = inner.x + 1
        var y = inner.y
        func line(_ text: String, style: Style = .normal) {
            guard y < inner.maxY else { return }
            buffer.write(text, x: x, y: y, maxWidth: width, style: style)
            y += 1
        }
        if queue.workingOffline, let offline = queue.offline {
            drawOffline(offline, line: line, width: width, now: now)
            return
        }
        if queue.offlineWaiting > 0 {
            line("Riserva in coda: \(queue.offlineWaiting)", style: .warning)
        }
        guard let status = queue.status else {
            line(queue.problem.map { "Coda non raggiungibile: \($0)" } ?? "Lettura della coda…", style: queue.problem == nil ? .dim : .warning)
            return
        }
        if let problem = queue.problem { line("Non aggiornata: \(problem)", style: .warning) }
        // "A Anagrafe    7 12'": prefix, name, waiting (3), longest wait (4).
        let prefixWidth = status.services.map { DisplayWidth.of($0.prefix) }.max() ?? 1
        let nameWidth = max(1, width - prefixWidth - 1 - 3 - 4 - 1)
        for service in status.services {
            let name = TextLayout.pad(TextLayout.truncate(service.name, toWidth: nameWidth, ellipsis: true), toWidth: nameWidth)
            let figures: String
            if !service.isOpen, service.waiting == 0 {
                figures = TextLayout.pad("chiuso", toWidth: 7, alignRight: true)
            } else {
                let wait = service.longestWaitMinutes.map { "\($0)'" } ?? "-"
                figures = TextLayout.pad(String(service.waiting), toWidth: 3, alignRight: true)
                    + TextLayout.pad(wait, toWidth: 4, alignRight: true)
            }
            let prefix = TextLayout.pad(service.prefix, toWidth: prefixWidth)
            line(prefix + " " + name + " " + figures, style: service.isOpen ? .normal : .dim)
        }
        y += 1
        line(TextLayout.pad("In attesa", toWidth: width - 5) + TextLayout.pad(String(status.totalWaiting), toWidth: 5, alignRight: true))
        if let longest = status.services.filter({ $0.longestWaitMinutes != nil }).max(by: { ($0.longestWaitMinutes ?? 0) < ($1.longestWaitMinutes ?? 0) }),
           let number = longest.longestWaitNumber, let minutes = longest.longestWaitMinutes {
            line(TextLayout.pad("Più lunga \(number)", toWidth: width - 5) + TextLayout.pad("\(minutes)'", toWidth: 5, alignRight: true))
        }
        if !status.officeOpen { line("Ufficio non aperto", style: .dim) }
        y += 1
        line("Sportelli", style: .title)
        for line_ in status.counters {
            line(counterText(line_, own: line_.number == counter, now: now, width: width),
                 style: line_.number == counter ? .title : (line_.activity == .closed ? .dim : .normal))
        }
    }

    /// Working offline: how many of the station's own tickets (called only here) wait, the
    /// reserved numbers left per prefix, then the tickets with their wait.
    static func drawOffline(_ offline: OfflineQueueSnapshot, line: (String, Style) -> Void, width: Int, now: Date) {
        line("Senza centrale", .warning)
        line("Riserva: solo qui", .dim)
        line(TextLayout.pad("In attesa", toWidth: max(0, width - 5))
             + TextLayout.pad(String(offline.waiting.count), toWidth: 5, alignRight: true), .normal)
        var row = ""
        for prefix in offline.remaining.keys.sorted() {
            let item = "\(prefix) \(offline.remaining[prefix] ?? 0)"
            if !row.isEmpty, DisplayWidth.of(row + "  " + item) > width {
                line(row, .dim)
                row = item
            } else {
                row = row.isEmpty ? item : row + "  " + item
            }
        }
        line(row.isEmpty ? "Numeri esauriti" : row, row.isEmpty ? .warning : .dim)
        line("", .normal)
        // Oldest first: the panel cuts the list at its bottom.
        for ticket in offline.waiting {
            let mark = ticket.isPriority ? " P" : ""
            let wait = "\(ticket.waitedMinutes(at: now))'"
            line(TextLayout.pad(ticket.displayNumber + mark, toWidth: max(0, width - 5))
                 + TextLayout.pad(wait, toWidth: 5, alignRight: true), .normal)
        }
    }

    /// "1  A040   verdi", "2  pausa  neri 4'", "3  A042   (tu)", "4  libero".
    static func counterText(_ line: QueueStatus.CounterLine, own: Bool, now: Date, width: Int) -> String {
        let number = TextLayout.pad(String(line.number), toWidth: 2)
        let what: String = switch line.activity {
        case .busy: line.ticketNumber ?? "occupato"
        case .idle: "libero"
        case .paused: "pausa"
        case .closed: line.ticketNumber ?? "chiuso"
        }
        var text = number + " " + TextLayout.pad(what, toWidth: 7)
        if own {
            text += "(tu)"
        } else if let op = line.operatorID {
            text += op
        }
        if line.activity == .paused, let since = line.since {
            let minutes = max(0, Int(now.timeIntervalSince(since) / 60))
            let tail = " \(minutes)'"
            text = TextLayout.truncate(text, toWidth: max(0, width - DisplayWidth.of(tail)), ellipsis: true) + tail
        }
        if line.directedWaiting > 0 { text += " +\(line.directedWaiting)" }
        return text
    }
}
