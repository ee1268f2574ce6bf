import Crypto
import Foundation
import Testing
@testable import LocalStore

/// The PostgreSQL migrations are compiled in from `central/postgres/*.sql`; an edit to one
/// side without running `scripts/embed-resource` again would ship SQL that differs from the
/// reviewed file, or a checksum that no longer matches what the migrator records.
@Suite struct CentralMigrationFilesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("central/postgres")

    @Test func versionsAreNumberedInOrderFromOne() {
        #expect(CentralMigrations.all.map(\.version) == Array(1...CentralMigrations.all.count))
        for migration in CentralMigrations.all {
            #expect(migration.name.hasPrefix(String(format: "%04d_", migration.version)))
        }
    }

    @Test(arguments: CentralMigrations.all.map(\.name))
    func embeddedTextMatchesTheSQLFile(name: String) throws {
        let migration = try #require(CentralMigrations.all.first { $0.name == name })
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).sql"))
        let file = try #require(String(data: data, encoding: .utf8))
        let expected = file.hasSuffix("\n") ? String(file.dropLast()) : file
        #expect(migration.sql == expected, "rigenerare con scripts/embed-resource central/postgres/\(name).sql")
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        #expect(migration.sha256 == digest)
    }

    @Test func everySQLFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".sql") }
            .map { String($0.dropLast(4)) }
            .sorted()
        #expect(files == CentralMigrations.all.map(\.name))
    }
}
