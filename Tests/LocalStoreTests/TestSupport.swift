import CruscottoModel
import Foundation
@testable import LocalStore

/// A temporary folder removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "sportello-test-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    var home: StationHome { StationHome(path: path + "/home") }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

let testInstant = Date(timeIntervalSince1970: 1_796_031_720) // 2026-11-30T09:42:00Z
let testClock = FixedClock(testInstant)
let fastHasher = PasswordHasher(unsafeUncheckedRounds: 1_000)

/// Initializes a station (counter 1, new embedded central database) in a fresh home.
func makeStation(_ dir: TemporaryDirectory, office: String = "Comune di Prova") throws -> StationHome {
    let home = dir.home
    _ = try StationSetup(officeName: office, kind: .counter, counter: 1).run(in: home, clock: testClock)
    return home
}

func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// SQL statements seen by a trace callback (which runs on the database's queue).
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []

    func append(_ statement: String) { lock.withLock { statements.append(statement) } }
    var all: [String] { lock.withLock { statements } }
}
