import CruscottoModel
import Foundation

extension ReportProgram {
    public func view(_ state: State, context: ViewContext) -> AppFrame {
        var buffer = ScreenBuffer(size: context.size)
        let layout = ReportLayout(size: context.size)
        let title = "Rapporto della coda"
            + (state.report.map { " – " + QueueReportText.period($0) } ?? "")
        buffer.fill(layout.header, style: .header)
        _ = buffer.write(title, x: 1, y: layout.header.y, maxWidth: layout.header.width - 8, style: .header)
        let clock = ItalianTime.clockText(context.now)
        _ = buffer.write(clock, x: layout.header.width - clock.count - 1, y: layout.header.y, style: .header)

        let titles = ["Riepilogo", "Fasce orarie", "Servizi", "Sportelli e operatori"]
        var x = 1
        for (index, name) in titles.enumerated() {
            let label = " \(index + 1) \(name) "
            x += buffer.write(label, x: x, y: layout.tabs.y, maxWidth: max(0, layout.tabs.width - x),
                              style: index == state.page ? .selection : .dim) + 1
        }

        let footer = state.report.map { _ in
            let count = lines(state).count
            return count > layout.bodyRows
                ? "righe \(state.scroll + 1)–\(min(count, state.scroll + layout.bodyRows)) di \(count)" : nil
        } ?? nil
        let inner = Box.draw(into: &buffer, layout.box, title: titles[min(state.page, titles.count - 1)], footer: footer)
        if state.report == nil {
            _ = buffer.write(state.loading ? "Calcolo del rapporto in corso…" : "Nessun rapporto caricato.",
                             x: inner.x, y: inner.y, maxWidth: inner.width, style: .dim)
        }
        for (row, line) in lines(state).dropFirst(state.scroll).prefix(inner.height).enumerated() {
            _ = buffer.write(line, x: inner.x, y: inner.y + row, maxWidth: inner.width)
        }
        MessageLine.draw(into: &buffer, row: layout.message, message: state.message)
        FunctionKeyBar.draw(into: &buffer, row: layout.keys, help: context.enabledHelp)
        if state.showingHelp {
            HelpOverlay.draw(into: &buffer, within: buffer.area, title: "Aiuto – rapporto della coda", help: context.help)
        }
        return AppFrame(buffer: buffer)
    }
}
