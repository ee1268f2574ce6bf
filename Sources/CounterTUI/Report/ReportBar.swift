/// Horizontal bars for terminal charts: a value drawn as full blocks plus one eighth-block
/// for the remainder, scaled to the largest value of the chart.
public enum ReportBar {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public static func bar(_ value: Double, max: Double, width: Int) -> String {
        guard width > 0, max > 0, value > 0 else { return "" }
        let cells = min(Double(width), value / max * Double(width))
        let full = Int(cells)
        let rest = Int(((cells - Double(full)) * 8).rounded(.down))
        var text = String(repeating: "█", count: full)
        if rest > 0, full < width { text.append(eighths[rest - 1]) }
        return text
    }
}
