import Foundation

/// The top row of every station screen: office, counter, operator on the left; central
/// state and clock (Europe/Rome) on the right. The office name gives way first when the row
/// is short.
public enum CruscottoHeader {
    public static func draw(into buffer: inout ScreenBuffer, _ row: Rect, station: StationSummary,
                            operatorName: String?, central: CentralState, now: Date) {
        guard row.height > 0 else { return }
        buffer.fill(row, style: .header)
        let right = central.headerText + "   " + ItalianTime.clockText(now) + " "
        let rightWidth = DisplayWidth.of(right)
        var tail = " · " + station.placeText
        if let operatorName { tail += " · " + operatorName }
        let room = row.width - rightWidth - 2
        let officeRoom = max(0, room - DisplayWidth.of(tail) - 1)
        let office = TextLayout.truncate(station.officeName, toWidth: officeRoom, ellipsis: true)
        buffer.write(" " + office + tail, x: row.x, y: row.y, maxWidth: max(0, room), style: .header)
        buffer.write(right, x: row.maxX - rightWidth, y: row.y, style: .header)
    }
}
