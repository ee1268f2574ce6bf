import CruscottoModel
import Foundation

/// The station's configuration, `HOME/sportello.toml`.
public struct StationConfig: Sendable, Equatable {
    public static let defaultIdleLockMinutes = 5
    public static let idleLockRange = 1...240
    public static let counterRange = 1...99

    /// The office's name as shown in the header ("Comune di Piacenza").
    public var officeName: String
    public var stationID: String
    public var kind: StationKind
    /// The counter number for counter and CIE stations, nil for the others.
    public var counter: Int?
    public var central: CentralLocation
    public var idleLockMinutes: Int
    /// Where a totem prints its tickets (`printer = "command:…"` or `"device:/…"`); nil: on
    /// screen only.
    public var printer: PrinterTarget?

    public init(officeName: String, stationID: String, kind: StationKind, counter: Int?,
                central: CentralLocation, idleLockMinutes: Int = defaultIdleLockMinutes,
                printer: PrinterTarget? = nil) {
        self.officeName = officeName
        self.stationID = stationID
        self.kind = kind
        self.counter = counter
        self.central = central
        self.idleLockMinutes = idleLockMinutes
        self.printer = printer
    }

    /// Station ids: 1–32 lowercase letters, digits, `-`, `_`, `.`; they appear in logs,
    /// audit rows and the central station table.
    public static func isValidStationID(_ text: String) -> Bool {
        guard (1...32).contains(text.count) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// The PostgreSQL central database, or nil when the central database is the embedded file.
    public func centralPostgres(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PostgresCentralError) -> PostgresCentralURL? {
        guard case .postgresql(let url) = central else { return nil }
        return try PostgresCentralURL(parsing: url, environment: environment)
    }

    /// The path of the embedded central database, or `StoreError.notEmbeddedCentral` for a
    /// station on PostgreSQL.
    public func centralSQLitePath() throws -> String {
        switch central {
        case .sqlite(let path): return path
        case .postgresql(let url): throw StoreError.notEmbeddedCentral(url: url)
        }
    }
}
