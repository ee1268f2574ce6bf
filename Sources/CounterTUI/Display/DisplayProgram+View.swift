import CruscottoModel
import Foundation

extension DisplayProgram {
    public func view(_ state: DisplayState, context: ViewContext) -> AppFrame {
        let size = context.size
        var buffer = ScreenBuffer(size: size)
        buffer.fill(Rect(x: 0, y: 0, width: size.columns, height: 1), style: .header)
        buffer.write(" " + officeName.uppercased(), x: 0, y: 0, maxWidth: size.columns - 8, style: .header)
        let clock = ItalianTime.clockText(context.now)
        buffer.write(clock, x: size.columns - DisplayWidth.of(clock) - 1, y: 0, style: .header)
        let rule = String(repeating: "─", count: size.columns)
        buffer.write(rule, x: 0, y: 1, style: .border)

        let scale = size.rows >= 34 && size.columns >= 100 ? 2 : 1
        let digitsHeight = BlockDigits.height(scale: scale)
        let listTop = 4 + digitsHeight + 1
        buffer.write(rule, x: 0, y: listTop, style: .border)
        buffer.write(rule, x: 0, y: size.rows - 2, style: .border)
        buffer.write("  " + footer, x: 0, y: size.rows - 1, maxWidth: size.columns)

        let big = Rect(x: 0, y: 2, width: size.columns, height: listTop - 2)
        let lists = Rect(x: 0, y: listTop + 1, width: size.columns, height: size.rows - 2 - listTop - 1)
        switch state.live.connection {
        case .live:
            drawNewestCall(state, into: &buffer, area: big, scale: scale, now: context.now)
            drawLists(state, into: &buffer, area: lists, now: context.now)
        case .connecting:
            centred(["Collegamento con la centrale in corso…"], style: .dim, into: &buffer, area: big)
        case .lost(let since, _):
            centred(["Collegamento con la centrale interrotto dalle \(ItalianTime.clockText(since))",
                     "Le chiamate non sono aggiornate: attendete l'avviso del personale."],
                    style: .error, into: &buffer, area: big)
            buffer.write("Chiamate e attese non disponibili finché il collegamento non riprende.",
                         x: 3, y: lists.y + 1, maxWidth: lists.width - 6, style: .warning)
        }
        if let prompt = state.prompt {
            prompt.draw(into: &buffer, area: buffer.area, title: "Uscita dal tabellone")
        }
        return AppFrame(buffer: buffer)
    }

    private func centred(_ lines: [String], style: Style, into buffer: inout ScreenBuffer, area: Rect) {
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = TextLayout.truncate(line, toWidth: area.width - 4)
            buffer.write(text, x: area.x + (area.width - DisplayWidth.of(text)) / 2, y: top + i, style: i == 0 ? style : .normal)
        }
    }

    private func drawNewestCall(_ state: DisplayState, into buffer: inout ScreenBuffer, area: Rect, scale: Int, now: Date) {
        guard let newest = state.live.calls.first else {
            centred(["Nessuna chiamata per ora"], style: .dim, into: &buffer, area: area)
            return
        }
        let fresh = state.highlightUntil.map { now < $0 } ?? false
        let counterX = area.width * 3 / 5
        if fresh {
            buffer.fill(Rect(x: 0, y: area.y, width: area.width, height: 1), style: .selection)
        }
        let labelStyle: Style = fresh ? .selection : .title
        buffer.write("  NUMERO", x: 1, y: area.y, style: labelStyle)
        buffer.write("SPORTELLO", x: counterX, y: area.y, style: labelStyle)
        if fresh {
            let tag = newest.isRecall ? "SECONDA CHIAMATA" : "NUOVA CHIAMATA"
            buffer.write(tag, x: max(counterX - DisplayWidth.of(tag) - 4, 12), y: area.y, style: .selection)
        }
        let digitsStyle: Style = fresh ? .title : .normal
        let digitsY = area.y + 2
        let numberFits = 3 + BlockDigits.width(of: newest.number, scale: scale) < counterX - 2
        let numberScale = numberFits ? scale : 1
        BlockDigits.draw(newest.number, x: 3, y: digitsY, scale: numberScale, style: digitsStyle,
                         clip: Rect(x: 0, y: digitsY, width: counterX - 2, height: area.maxY - digitsY), into: &buffer)
        BlockDigits.draw(String(newest.counter), x: counterX, y: digitsY, scale: scale, style: digitsStyle,
                         clip: Rect(x: counterX, y: digitsY, width: area.maxX - counterX, height: area.maxY - digitsY),
                         into: &buffer)
    }

    private func drawLists(_ state: DisplayState, into buffer: inout ScreenBuffer, area: Rect, now: Date) {
        let split = area.width / 2 - 2
        buffer.write("Ultime chiamate", x: 3, y: area.y, style: .title)
        let rows = area.height - 1
        for (i, call) in state.live.calls.dropFirst().prefix(rows).enumerated() {
            let line = "\(TextLayout.pad(call.number, toWidth: 6))sportello \(TextLayout.pad(String(call.counter), toWidth: 3))\(ItalianTime.clockText(call.at))"
            buffer.write(line, x: 3, y: area.y + 1 + i, maxWidth: split - 4)
        }

        let services = state.live.configuration?.services ?? []
        let nameWidth = max(10, min(28, area.width - split - 24))
        buffer.write("In attesa", x: split, y: area.y, style: .title)
        buffer.write("Attesa stimata", x: split + nameWidth + 6, y: area.y, maxWidth: area.maxX - split - nameWidth - 6, style: .title)
        for (i, service) in services.prefix(rows).enumerated() {
            let y = area.y + 1 + i
            let waiting = state.live.serviceLine(service.code)?.waiting ?? 0
            buffer.write(TextLayout.truncate(service.name, toWidth: nameWidth, ellipsis: true), x: split, y: y)
            buffer.write(TextLayout.pad(String(waiting), toWidth: 4, alignRight: true), x: split + nameWidth, y: y)
            let estimate: String
            if !service.isOpen(at: now) {
                estimate = "chiuso"
            } else if let minutes = state.live.estimate(for: service.code, at: now)?.minutes, minutes > 0 {
                estimate = "\(TextLayout.pad(String(minutes), toWidth: 3, alignRight: true)) min"
            } else {
                estimate = "  -"
            }
            buffer.write(estimate, x: split + nameWidth + 6, y: y, maxWidth: area.maxX - split - nameWidth - 6)
        }
    }
}
