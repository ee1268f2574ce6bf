import Foundation

/// The top row of every station screen: office, counter, operator on the left; central
/// state and clock (Europe/Rome) on the right. The office name gives way first when the row
/// is short: "Comune di Piacenza · Sportello Facile" becomes "Sportello Facile", then is cut;
/// then the central state shortens ("Offline dalle 10:42 · 37 in attesa",
/// "Offline 10:42 · 37"), so counter and operator stay readable.
public enum CruscottoHeader {
    public static func draw(into buffer: inout ScreenBuffer, _ row: Rect, station: StationSummary,
                            operatorName: String?, central: CentralState, now: Date, syncBlocked: Int = 0,
                            offlineSince: Date? = nil, waiting: Int = 0) {
        guard row.height > 0 else { return }
        buffer.fill(row, style: .header)
        let blocked = syncBlocked > 0 ? "sync bloccata (\(syncBlocked))  " : ""
        var tail = " · " + station.placeText
        if let operatorName { tail += " · " + operatorName }
        let clock = "  " + ItalianTime.clockText(now) + " "
        let variants = central.headerTexts(offlineSince: offlineSince, waiting: waiting, now: now)
        // The longest central text that leaves the place and the operator whole.
        let leftNeeds = DisplayWidth.of(tail) + 3
        let centralText = variants.first { DisplayWidth.of(blocked + $0 + clock) + leftNeeds <= row.width } ?? variants[variants.count - 1]
        let right = blocked + centralText + clock
        let rightWidth = DisplayWidth.of(right)
        let room = row.width - rightWidth - 2
        let officeRoom = max(0, room - DisplayWidth.of(tail) - 1)
        // A stub of a name ("Spor…") says nothing: below 8 columns it is left out.
        let office = officeRoom < 8 ? "" : shortened(station.officeName, toWidth: officeRoom)
        // With no room for the office, the row starts with the place, not with " · ".
        let left = office.isEmpty ? " " + tail.dropFirst(3) : " " + office + tail
        buffer.write(left, x: row.x, y: row.y, maxWidth: max(0, room), style: .header)
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
