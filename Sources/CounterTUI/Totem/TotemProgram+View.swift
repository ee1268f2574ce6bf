import CruscottoModel
import Foundation

extension TotemProgram {
    public func view(_ state: TotemState, context: ViewContext) -> AppFrame {
        var buffer = ScreenBuffer(size: context.size)
        let size = context.size
        let title = TextLayout.truncate(settings.officeName.uppercased(), toWidth: size.columns - 2)
        buffer.write(title, x: (size.columns - DisplayWidth.of(title)) / 2, y: 0, style: .title)
        let clock = ItalianTime.headerText(context.now)
        buffer.write(clock, x: size.columns - DisplayWidth.of(clock) - 2, y: 1, style: .dim)

        let body = Rect(x: 0, y: 3, width: size.columns, height: size.rows - 6)
        switch state.page {
        case .menu:
            drawMenu(state, into: &buffer, area: body, now: context.now)
        case .exit:
            // The prompt alone: citizens see that the totem is being attended to.
            break
        case .priority:
            drawPriorityChoices(state, into: &buffer, area: body)
        case .ticket(let ticket, _):
            drawTicket(ticket, into: &buffer, area: body)
        }

        // Bottom rows: what the citizen must know, then what the staff must know.
        let noticeRow = size.rows - 2
        if let notice = state.citizenNotice {
            buffer.write(notice.text, x: 2, y: noticeRow, maxWidth: size.columns - 4, style: .warning)
        } else if let problem = connectionText(state.live.connection) {
            buffer.write(problem, x: 2, y: noticeRow, maxWidth: size.columns - 4, style: .error)
        } else if state.issuing {
            buffer.write("Emissione del biglietto in corso…", x: 2, y: noticeRow, maxWidth: size.columns - 4, style: .dim)
        }
        if let staff = state.staffNotice {
            buffer.write("Attenzione: " + staff, x: 2, y: size.rows - 1, maxWidth: size.columns - 4, style: .error)
        }

        if case .exit(let prompt, _) = state.page {
            prompt.draw(into: &buffer, area: buffer.area, title: "Uscita dal totem")
        }
        return AppFrame(buffer: buffer)
    }

    private func connectionText(_ connection: CentralConnection) -> String? {
        switch connection {
        case .live: nil
        case .connecting: "Collegamento con la centrale in corso…"
        case .lost(let since, _):
            "Collegamento con la centrale interrotto dalle \(ItalianTime.clockText(since)): rivolgetevi all'accoglienza."
        }
    }

    // MARK: - Menu

    private func drawMenu(_ state: TotemState, into buffer: inout ScreenBuffer, area: Rect, now: Date) {
        let services = state.services
        let intro = state.priority.map { "Precedenza: \($0.name). Scegliete il servizio con il tasto indicato." }
            ?? "Benvenuti. Scegliete il servizio con il tasto indicato."
        let gap = 2
        let boxWidth = min(44, (area.width - 6 - gap) / 2)
        let left = area.x + (area.width - (2 * boxWidth + gap)) / 2
        buffer.write(intro, x: left, y: area.y, maxWidth: area.width - left,
                     style: state.priority == nil ? .normal : .title)
        guard !services.isEmpty else {
            if state.live.connection.isLive {
                buffer.write("Nessun servizio configurato.", x: left, y: area.y + 2, maxWidth: area.width - left)
            }
            return
        }
        let pairs = (services.count + 1) / 2
        // Rows left for the services: below the intro, above the priority line.
        let available = area.height - 4
        let boxes = pairs * 4 <= available
        let step = boxes ? (pairs * 5 - 1 <= available ? 5 : 4) : 1
        for (index, service) in services.enumerated() {
            // Column-major, as on the wireframe: 1-3 on the left, 4-6 on the right.
            let column = index / pairs, row = index % pairs
            let x = left + column * (boxWidth + gap)
            let y = area.y + 2 + row * step
            let key = String(index + 1)
            let info = availability(of: service, state: state, now: now)
            if boxes {
                let inner = Box.draw(into: &buffer, Rect(x: x, y: y, width: boxWidth, height: 4))
                buffer.write(" \(key) ", x: inner.x + 1, y: inner.y, style: .keyLabel)
                buffer.write(service.name, x: inner.x + 6, y: inner.y, maxWidth: inner.width - 7, style: .title)
                buffer.write(info.text, x: inner.x + 6, y: inner.y + 1, maxWidth: inner.width - 7, style: info.style)
            } else {
                buffer.write(" \(key) ", x: x, y: y, style: .keyLabel)
                let name = TextLayout.truncate(service.name, toWidth: boxWidth - 5, ellipsis: true)
                buffer.write(name, x: x + 4, y: y, style: .title)
                buffer.write(info.text, x: x + 4 + DisplayWidth.of(name) + 1, y: y,
                             maxWidth: boxWidth - 5 - DisplayWidth.of(name), style: info.style)
            }
        }
        let used = boxes ? pairs * step - (step - 4) : pairs
        if !state.priorityChoices.isEmpty {
            let names = state.priorityChoices.map(\.name).joined(separator: ", ")
            let y = area.y + 2 + used + 1
            buffer.write(" P ", x: left, y: y, style: .keyLabel)
            buffer.write("Precedenza (\(names))", x: left + 4, y: y, maxWidth: area.maxX - left - 4)
        }
    }

    /// "in attesa 7 · circa 12 min", "chiuso in questo momento", "solo su appuntamento".
    func availability(of service: Service, state: TotemState, now: Date) -> (text: String, style: Style) {
        if settings.appointmentOnly.contains(service.code) { return ("solo su appuntamento", .dim) }
        if !service.isOpen(at: now) { return ("chiuso in questo momento", .dim) }
        guard state.live.connection.isLive, let estimate = state.live.estimate(for: service.code, at: now) else {
            return ("", .normal)
        }
        return ("in attesa \(estimate.peopleAhead) · \(estimate.shortItalianText)", .normal)
    }

    // MARK: - Priority

    private func drawPriorityChoices(_ state: TotemState, into buffer: inout ScreenBuffer, area: Rect) {
        let left = area.x + max(2, (area.width - 60) / 2)
        buffer.write("Precedenza: scegliete la categoria con il tasto indicato.", x: left, y: area.y, maxWidth: area.width - left)
        for (index, category) in state.priorityChoices.enumerated() {
            let y = area.y + 2 + index * 2
            guard y < area.maxY else { break }
            buffer.write(" \(index + 1) ", x: left, y: y, style: .keyLabel)
            buffer.write(category.name.prefix(1).uppercased() + category.name.dropFirst(), x: left + 5, y: y,
                         maxWidth: area.maxX - left - 5, style: .title)
        }
        let y = min(area.maxY - 1, area.y + 3 + state.priorityChoices.count * 2)
        buffer.write("Esc per tornare ai servizi.", x: left, y: y, style: .dim)
    }

    // MARK: - Ticket

    private func drawTicket(_ ticket: TotemTicket, into buffer: inout ScreenBuffer, area: Rect) {
        let lines = ticketLines(ticket)
        let textWidth = lines.map { DisplayWidth.of($0.text) }.max() ?? 0
        let scale = BlockDigits.scale(for: ticket.number, width: area.width - textWidth - 10, height: area.height - 2) ?? 1
        let digitsWidth = BlockDigits.width(of: ticket.number, scale: scale)
        let digitsHeight = BlockDigits.height(scale: scale)
        let totalWidth = digitsWidth + 6 + textWidth
        let besides = totalWidth <= area.width - 4
        let x = area.x + max(2, (area.width - (besides ? totalWidth : digitsWidth)) / 2)
        let y = area.y + max(1, (area.height - digitsHeight - (besides ? 0 : lines.count + 1)) / 2)
        BlockDigits.draw(ticket.number, x: x, y: y, scale: scale, style: .title, into: &buffer)
        let textX = besides ? x + digitsWidth + 6 : x
        var textY = besides ? y + max(0, (digitsHeight - lines.count) / 2) : y + digitsHeight + 1
        for line in lines {
            buffer.write(line.text, x: textX, y: textY, maxWidth: area.maxX - textX - 1, style: line.style)
            textY += 1
        }
    }

    private func ticketLines(_ ticket: TotemTicket) -> [(text: String, style: Style)] {
        var lines: [(String, Style)] = [("Il vostro numero: \(ticket.number)", .title), (ticket.serviceName, .normal)]
        if let priority = ticket.priorityName { lines.append(("Precedenza: \(priority)", .normal)) }
        lines.append(("persone prima di voi: \(ticket.peopleAhead)", .normal))
        if let minutes = ticket.estimatedMinutes {
            lines.append((minutes <= 0 ? "attesa stimata: nessuna" : "attesa stimata: \(minutes) minut\(minutes == 1 ? "o" : "i")", .normal))
        }
        switch ticket.printing {
        case .printed: lines.append(("Ritirate il biglietto stampato.", .ok))
        case .printing: lines.append(("Stampa del biglietto…", .dim))
        case .screenOnly: lines.append(("Il numero sarà chiamato sul tabellone.", .normal))
        case .failed: lines.append(("Biglietto non stampato: annotate il numero.", .warning))
        }
        return lines
    }
}
