import CruscottoModel
import Foundation
import PostgresNIO

extension PostgresCentral {
    private struct ReferenceDocument: Decodable {
        struct Operator: Decodable {
            var username: String
            var full_name: String
            var roles: String
            var password_hash: String
            var disabled: Bool
            var created_at: Double
            var updated_at: Double
        }

        var version: Int64
        var office_name: String?
        var operators: [Operator]
    }

    /// The office and its operators (hashes included), as one consistent read.
    public func reference() async throws(PostgresCentralError) -> CentralReference {
        guard let text = try await text("SELECT sportello.reference_get()::text") else {
            throw .server(message: "dati di riferimento assenti")
        }
        let document: ReferenceDocument
        do { document = try JSONDecoder().decode(ReferenceDocument.self, from: Data(text.utf8)) } catch {
            throw .server(message: "dati di riferimento non leggibili: \(error)")
        }
        let operators = document.operators.map { row in
            CentralOperator(username: row.username, fullName: row.full_name, roles: row.roles,
                            passwordHash: row.password_hash, disabled: row.disabled,
                            createdAt: StoredInstant.iso(Date(timeIntervalSince1970: row.created_at)),
                            updatedAt: StoredInstant.iso(Date(timeIntervalSince1970: row.updated_at)))
        }
        return CentralReference(version: document.version, officeName: document.office_name, operators: operators)
    }

    /// The reference version alone: one row read, for a cheap "did anything change".
    public func referenceVersion() async throws(PostgresCentralError) -> Int64 {
        Int64(try await text("SELECT sportello.reference_version()::text") ?? "") ?? 0
    }

    /// Sets the office's name (owner).
    public func setOfficeName(_ name: String, at now: Date) async throws(PostgresCentralError) {
        _ = try await text("SELECT sportello.office_put(\(name), \(now))::text")
    }

    /// A station says hello with its kind, program and schema version; returns the central
    /// schema version.
    @discardableResult
    public func hello(kind: StationKind, program: String, at now: Date) async throws(PostgresCentralError) -> Int {
        let known = CentralMigrations.all.count
        let text = try await text(
            "SELECT sportello.central_hello(\(kind.rawValue), \(program), \(known)::integer, \(now))::text")
        return Int(text ?? "") ?? 0
    }

    /// Whether the queue may have changed: the last change position (publishing late commits
    /// first), the office day's version and the configuration's version, as one text to compare.
    public func queueChangeMark(day: LocalDay) async throws(PostgresCentralError) -> String {
        let dayText = day.description
        return try await text("SELECT sportello.queue_change_mark(\(dayText)::date)") ?? ""
    }
}
