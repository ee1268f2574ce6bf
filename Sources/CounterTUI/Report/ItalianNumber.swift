import Foundation

/// Numbers as Italians read them, formatted by hand (no it_IT locale on these machines):
/// decimal comma, thousands with a dot.
public enum ItalianNumber {
    public static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// One decimal: `12,4`.
    public static func decimal(_ value: Double, digits: Int = 1) -> String {
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.magnitude.rounded(.down))
        let fraction = Int(((rounded.magnitude - Double(whole)) * scale).rounded())
        let sign = rounded < 0 ? "-" : ""
        guard digits > 0 else { return sign + integer(whole) }
        return sign + integer(whole) + "," + String(fraction).leftPadded(to: digits)
    }

    /// `87%` (0…1 in).
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// Minutes with one decimal, or "–" when there is no value.
    public static func minutes(_ value: Double?) -> String {
        value.map { decimal($0) + " min" } ?? "–"
    }
}
