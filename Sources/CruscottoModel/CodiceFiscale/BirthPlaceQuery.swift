import Foundation

/// A birth place as typed: "Comune (PR)", "Comune", "Stato estero" or a Belfiore code.
public struct BirthPlaceQuery: Sendable, Hashable {
    public let name: String
    public let province: String?
    /// Set when the text itself is a Belfiore code such as "H501" or "Z404".
    public let code: String?

    public init(_ text: String) {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let upper = trimmed.uppercased()
        let u = Array(upper.utf8)
        if u.count == 4, BelfioreTable.slot(letter: u[0], u[1], u[2], u[3]) != nil {
            name = upper
            province = nil
            code = upper
            return
        }
        var province: String?
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            let value = inside.trimmingCharacters(in: .whitespaces).uppercased()
            if !value.isEmpty { province = value }
            trimmed = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        }
        name = trimmed
        self.province = province
        code = nil
    }
}
