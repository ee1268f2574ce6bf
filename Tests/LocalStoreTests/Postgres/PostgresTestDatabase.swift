import CruscottoModel
import Foundation
@testable import LocalStore

/// The throwaway cluster of `scripts/test` (`SPORTELLO_TEST_PG`): each suite makes its own
/// database `sportello_test_<suite>_<random>` and role prefix, and drops both at the end.
enum PostgresTestDatabase {
    static let serverURL: String? = ProcessInfo.processInfo.environment["SPORTELLO_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { serverURL != nil }

    struct Handle: Sendable {
        var url: PostgresCentralURL
        var rolePrefix: String
    }

    /// Runs `body` on a new database with the central schema (migrated when `migrated`),
    /// then drops the database and the suite's roles.
    static func with<T: Sendable>(
        suite: String, migrated: Bool = true, _ body: (Handle) async throws -> T
    ) async throws -> T {
        guard let serverURL else { throw PostgresCentralError.schemaMissing }
        let admin = try PostgresCentralURL(parsing: serverURL)
        let token = String(UInt64.random(in: 0..<UInt64.max), radix: 36)
        let name = "sportello_test_\(suite)_\(token)"
        let handle = Handle(url: admin.with(database: name), rolePrefix: name + "_")
        try await exec(admin, "CREATE DATABASE \"\(name)\"")
        do {
            if migrated { _ = try await CentralMigrator.migrate(handle.url) }
            let result = try await body(handle)
            try await drop(admin, name: name)
            return result
        } catch {
            try? await drop(admin, name: name)
            throw error
        }
    }

    private static func drop(_ admin: PostgresCentralURL, name: String) async throws {
        try await exec(admin, "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        let central = try await PostgresCentral.connect(admin, maximumConnections: 1, requireSchema: false)
        defer { central.shutdown() }
        let roles = try await central.text("""
            SELECT coalesce(string_agg(quote_ident(rolname), ','), '') FROM pg_roles
             WHERE starts_with(rolname, \(name + "_"))
            """) ?? ""
        for role in roles.split(separator: ",") {
            _ = try await central.text(PostgresNIOQuery.make("DROP ROLE IF EXISTS \(role)"))
        }
    }

    static func exec(_ url: PostgresCentralURL, _ sql: String) async throws {
        let central = try await PostgresCentral.connect(url, maximumConnections: 1, requireSchema: false)
        defer { central.shutdown() }
        _ = try await central.text(PostgresNIOQuery.make(sql))
    }
}
