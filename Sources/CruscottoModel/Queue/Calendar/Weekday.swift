/// Day of the week, Monday first as in Italy.
public enum Weekday: String, CaseIterable, Codable, Sendable, Comparable {
    case monday = "mon", tuesday = "tue", wednesday = "wed", thursday = "thu"
    case friday = "fri", saturday = "sat", sunday = "sun"

    /// From Foundation's Gregorian numbering (1 = Sunday … 7 = Saturday).
    public init(gregorian value: Int) {
        let mondayFirst = (value + 5) % 7
        self = Weekday.allCases[mondayFirst]
    }

    public var index: Int { Weekday.allCases.firstIndex(of: self)! }

    public var italianName: String {
        switch self {
        case .monday: "lunedì"
        case .tuesday: "martedì"
        case .wednesday: "mercoledì"
        case .thursday: "giovedì"
        case .friday: "venerdì"
        case .saturday: "sabato"
        case .sunday: "domenica"
        }
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
