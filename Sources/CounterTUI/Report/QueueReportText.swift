import CruscottoModel
import Foundation

/// The report as Italian text, in sections, for the command's output and the report screen.
/// `width` is the room for a line; bar charts use what is left after the labels.
public enum QueueReportText {
    public static func date(_ day: LocalDay) -> String {
        "\(String(day.day).leftPadded(to: 2))/\(String(day.month).leftPadded(to: 2))/\(day.year)"
    }

    public static func period(_ report: QueueReport) -> String {
        report.from == report.to ? "giornata del \(date(report.from))"
            : "dal \(date(report.from)) al \(date(report.to))"
    }

    public static func sections(_ report: QueueReport, width: Int) -> [ReportSection] {
        [summary(report), arrivals(report, width: width), services(report, width: width), counters(report, width: width)]
    }

    static func summary(_ r: QueueReport) -> ReportSection {
        let n = ItalianNumber.integer
        var lines = [
            "Periodo: \(period(r)) (\(n(r.daysWithTickets)) \(r.daysWithTickets == 1 ? "giorno" : "giorni") con biglietti)",
            "Biglietti emessi \(n(r.issued)), chiamati \(n(r.called)), serviti \(n(r.served))",
            "Non serviti (esito) \(n(r.closedNotServed)), non presentati \(n(r.noShows)), annullati \(n(r.cancelled))",
            "Chiusi a fine giornata senza chiamata \(n(r.closedAtEndOfDay)), ancora aperti \(n(r.stillOpen))",
            "Trasferimenti \(n(r.transfers)), richiami \(n(r.recalls)), sospensioni \(n(r.parks))",
            "",
        ]
        lines += waitLines("Attesa", r.waits)
        if r.priorityWaits.count > 0 { lines += waitLines("Attesa con priorità", r.priorityWaits) }
        lines.append("")
        if let e = r.estimate {
            lines.append("Stima data all'emissione (\(n(e.count)) biglietti chiamati con la stima)")
            lines.append("  errore medio " + signedMinutes(e.meanErrorMinutes) + " (reale − stimata), errore assoluto medio "
                + ItalianNumber.minutes(e.meanAbsoluteErrorMinutes))
            lines.append("  chiamati entro 5 minuti dalla stima: \(ItalianNumber.percent(e.withinFiveMinutesShare))")
        } else {
            lines.append("Stima dell'attesa: nessun biglietto chiamato con una stima registrata")
        }
        return ReportSection(title: "Riepilogo", lines: lines)
    }

    static func waitLines(_ label: String, _ w: WaitStatistics) -> [String] {
        guard w.count > 0 else { return ["\(label): nessun biglietto chiamato"] }
        return [
            "\(label) (\(ItalianNumber.integer(w.count)) biglietti chiamati)",
            "  media \(ItalianNumber.minutes(w.meanMinutes)), mediana \(ItalianNumber.minutes(w.medianMinutes)), "
                + "90° percentile \(ItalianNumber.minutes(w.p90Minutes))",
            "  più lunga \(ItalianNumber.minutes(w.longestMinutes)); chiamati entro \(w.targetMinutes) minuti: "
                + (w.shareWithinTarget.map(ItalianNumber.percent) ?? "–"),
        ]
    }

    static func signedMinutes(_ value: Double) -> String {
        (value > 0 ? "+" : "") + ItalianNumber.decimal(value) + " min"
    }

    static func arrivals(_ r: QueueReport, width: Int) -> ReportSection {
        var lines = ["Utenti per fascia oraria (totale; media per giorno con biglietti)"]
        let maxHour = Double(r.hours.map(\.tickets).max() ?? 0)
        for slot in r.hours {
            let label = "\(String(slot.hour).leftPadded(to: 2)):00–\(String(slot.hour + 1).leftPadded(to: 2)):00"
            let numbers = "\(ItalianNumber.integer(slot.tickets).leftPadded(to: 7, with: " ")) "
                + "\(ItalianNumber.decimal(slot.perDay).leftPadded(to: 7, with: " "))  "
            let head = label + " " + numbers
            lines.append(head + ReportBar.bar(Double(slot.tickets), max: maxHour, width: width - head.count))
        }
        if r.hours.isEmpty { lines.append("  nessun biglietto") }
        lines.append("")
        lines.append("Utenti per giorno della settimana (giorni; totale; media per giorno)")
        let maxDay = r.weekdays.map(\.perDay).max() ?? 0
        for day in r.weekdays {
            let head = day.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + "\(String(day.days).leftPadded(to: 4, with: " ")) "
                + "\(ItalianNumber.integer(day.tickets).leftPadded(to: 7, with: " ")) "
                + "\(ItalianNumber.decimal(day.perDay).leftPadded(to: 8, with: " "))  "
            lines.append(head + ReportBar.bar(day.perDay, max: maxDay, width: width - head.count))
        }
        return ReportSection(title: "Fasce orarie", lines: lines)
    }

    static func services(_ r: QueueReport, width: Int) -> ReportSection {
        var lines = ["Servizio        emessi serviti n.pres. media  med.   p90  ≤\(r.targetMinutes)m  servizio"]
        for s in r.services {
            let w = s.waits
            func m(_ v: Double?) -> String { (v.map { ItalianNumber.decimal($0) } ?? "–").leftPadded(to: 5, with: " ") }
            lines.append(s.name.padding(toLength: 15, withPad: " ", startingAt: 0) + " "
                + ItalianNumber.integer(s.issued).leftPadded(to: 6, with: " ") + " "
                + ItalianNumber.integer(s.served).leftPadded(to: 7, with: " ") + " "
                + ItalianNumber.integer(s.noShows).leftPadded(to: 7, with: " ") + " "
                + m(w.meanMinutes) + " " + m(w.medianMinutes) + " " + m(w.p90Minutes) + " "
                + (w.shareWithinTarget.map(ItalianNumber.percent) ?? "–").leftPadded(to: 5, with: " ") + " "
                + m(s.serviceMeanMinutes))
        }
        lines.append("(minuti; servizio = tempo medio allo sportello per biglietto servito)")
        lines.append("")
        lines.append("Attesa media per servizio (minuti)")
        let maxWait = r.services.compactMap(\.waits.meanMinutes).max() ?? 0
        for s in r.services {
            guard let mean = s.waits.meanMinutes else { continue }
            let head = s.name.padding(toLength: 15, withPad: " ", startingAt: 0) + " "
                + ItalianNumber.decimal(mean).leftPadded(to: 6, with: " ") + "  "
            lines.append(head + ReportBar.bar(mean, max: maxWait, width: width - head.count))
        }
        let withEstimate = r.services.filter { $0.estimate != nil }
        if !withEstimate.isEmpty {
            lines.append("")
            lines.append("Errore della stima per servizio (reale − stimata, media; assoluto medio)")
            for s in withEstimate {
                let e = s.estimate!
                lines.append(s.name.padding(toLength: 15, withPad: " ", startingAt: 0) + " "
                    + signedMinutes(e.meanErrorMinutes).leftPadded(to: 10, with: " ") + "  "
                    + ItalianNumber.minutes(e.meanAbsoluteErrorMinutes) + "  (\(ItalianNumber.integer(e.count)))")
            }
        }
        return ReportSection(title: "Servizi", lines: lines)
    }

    static func counters(_ r: QueueReport, width: Int) -> ReportSection {
        func h(_ minutes: Double) -> String {
            let total = Int(minutes.rounded())
            return "\(total / 60)h\(String(total % 60).leftPadded(to: 2))"
        }
        var lines = ["Sportello         serviti  medio  presenza  inattivo  pause"]
        for c in r.counters {
            let name = "\(c.counter)" + (c.label.map { " \($0)" } ?? "")
            lines.append(name.padding(toLength: 17, withPad: " ", startingAt: 0) + " "
                + ItalianNumber.integer(c.serviceTickets).leftPadded(to: 7, with: " ") + " "
                + (c.serviceMeanMinutes.map { ItalianNumber.decimal($0) } ?? "–").leftPadded(to: 6, with: " ") + " "
                + h(c.staffedMinutes).leftPadded(to: 9, with: " ") + " "
                + h(c.idleMinutes).leftPadded(to: 9, with: " ") + " "
                + "\(c.pauses) (\(h(c.pauseMinutes)))".leftPadded(to: 10, with: " "))
        }
        let reasons = r.counters.reduce(into: [String: Double]()) { all, c in
            for (reason, minutes) in c.pauseMinutesByReason { all[reason, default: 0] += minutes }
        }
        if !reasons.isEmpty {
            lines.append("Pause per motivo: " + reasons.keys.sorted().map { "\($0) \(h(reasons[$0]!))" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Operatore          serviti  medio  allo sportello")
        let maxMinutes = r.operators.map(\.serviceMinutes).max() ?? 0
        for o in r.operators {
            let head = o.operatorID.padding(toLength: 17, withPad: " ", startingAt: 0) + " "
                + ItalianNumber.integer(o.serviceTickets).leftPadded(to: 7, with: " ") + " "
                + (o.serviceMeanMinutes.map { ItalianNumber.decimal($0) } ?? "–").leftPadded(to: 6, with: " ") + " "
                + h(o.serviceMinutes).leftPadded(to: 8, with: " ") + "  "
            lines.append(head + ReportBar.bar(o.serviceMinutes, max: maxMinutes, width: width - head.count))
        }
        return ReportSection(title: "Sportelli e operatori", lines: lines)
    }
}
