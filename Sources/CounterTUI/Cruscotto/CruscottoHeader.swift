import Foundation

/// The top row of every station screen: office, counter, operator on the left; central
/// state and clock (Europe/Rome) on the right. The office name gives way first when the row
/// is short: "Comune di Piacenza · Sportello Facile" becomes "Sportello Facile", then is cut.
public enum CruscottoHeader {
    public static func draw(into buffer: inout ScreenBuffer, _ row: Rect, station: StationSummary,
                            operatorName: String?, central: CentralState, now: Date, syncBlocked: Int = 0) {
        guard row.height > 0 else { return }
        buffer.fill(row, style: .header)
        let blocked = syncBlocked > 0 ? "sync bloccata (\(syncBlocked))  " : ""
        let right = blocked + central.headerText + "  " + ItalianTime.clockText(now) + " "
        let rightWidth = DisplayWidth.of(right)
        var tail = " · " + station.placeText
        if let operatorName { tail += " · " + operatorName }
        let room = row.width - rightWidth - 2
        let officeRoom = max(0, room - DisplayWidth.of(tail) - 1)
        let office = shortened(station.officeName, toWidth: officeRoom)
        buffer.write(" " + office + tail, x: row.x, y: row.y, maxWidth: max(0, room), style: .header)
        buffer.write(right, x: row.maxX - rightWidth, y: row.y, style: .header)
    }

    /// The office name, or its last " · " part when the whole does not fit, cut if need be.
    static func shortened(_ name: String, toWidth width: Int) -> String {
        if DisplayWidth.of(name) <= width { return name }
        let parts = name.components(separatedBy: " · ")
        let last = parts.count > 1 ? parts[parts.count - 1] : name
        return TextLayout.truncate(last, toWidth: width, ellipsis: true)
    }
}
