import Foundation
import Testing
@testable import LocalStore

@Suite struct PostgresCentralURLTests {
    @Test func parsesAFullURL() throws {
        let url = try PostgresCentralURL(
            parsing: "postgresql://sportello_1@db.comune.local:5433/ufficio?sslmode=verify-full&sslrootcert=/etc/ca.pem",
            environment: [:])
        #expect(url.host == "db.comune.local")
        #expect(url.port == 5433)
        #expect(url.database == "ufficio")
        #expect(url.user == "sportello_1")
        #expect(url.tls == .verifyFull)
        #expect(url.rootCertificate == "/etc/ca.pem")
        #expect(url.password == .none)
        #expect(url.display == "postgresql://sportello_1@db.comune.local:5433/ufficio")
    }

    @Test func defaultsToPort5432AndPreferredTLS() throws {
        let url = try PostgresCentralURL(parsing: "postgres://u@h/db", environment: [:])
        #expect(url.port == 5432)
        #expect(url.tls == .prefer)
    }

    @Test(arguments: [
        ("mysql://u@h/db", "postgresql://"),
        ("postgresql://h/db", "utente"),
        ("postgresql://u@h", "nome del database"),
        ("postgresql://u@h/db?sslmode=maybe", "sslmode"),
        ("postgresql://u@h/db?colour=blue", "parametro sconosciuto"),
    ])
    func refusesBadURLs(text: String, reason: String) {
        #expect {
            try PostgresCentralURL(parsing: text, environment: [:])
        } throws: { error in
            (error as? PostgresCentralError)?.description.contains(reason) == true
        }
    }

    @Test func messagesNeverShowThePassword() {
        let text = "postgresql://u:segreto@h/db?sslmode=maybe"
        #expect(throws: PostgresCentralError.self) { try PostgresCentralURL(parsing: text, environment: [:]) }
        do {
            _ = try PostgresCentralURL(parsing: text, environment: [:])
        } catch {
            #expect(!error.description.contains("segreto"))
            #expect(error.description.contains("u:***@h"))
        }
    }

    @Test func passwordFromTheEnvironment() throws {
        let env = ["PG_PASS": "dal-env", PostgresCentralURL.defaultPasswordVariable: "predefinita"]
        let named = try PostgresCentralURL(parsing: "postgresql://u@h/db?password_env=PG_PASS", environment: env)
        #expect(try named.resolvedPassword(environment: env) == "dal-env")
        let byDefault = try PostgresCentralURL(parsing: "postgresql://u@h/db", environment: env)
        #expect(try byDefault.resolvedPassword(environment: env) == "predefinita")
        #expect(throws: PostgresCentralError.passwordEnvironmentMissing(name: "NOPE")) {
            try PostgresCentralURL(parsing: "postgresql://u@h/db?password_env=NOPE", environment: env)
        }
    }

    @Test func passwordFileMustBeReadableOnlyByItsOwner() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pg-pass-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data("s3greto\n".utf8), attributes: [.posixPermissions: 0o600])
        let url = try PostgresCentralURL(parsing: "postgresql://u@h/db?password_file=\(path)", environment: [:])
        #expect(try url.resolvedPassword(environment: [:]) == "s3greto")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: PostgresCentralError.passwordFileTooOpen(path: path, mode: "644")) {
            try url.resolvedPassword(environment: [:])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(throws: PostgresCentralError.passwordFileTooOpen(path: path, mode: "640")) {
            try url.resolvedPassword(environment: [:])
        }
        let missing = try PostgresCentralURL(parsing: "postgresql://u@h/db?password_file=/nonexistent/pw", environment: [:])
        #expect(throws: PostgresCentralError.passwordFileUnreadable(path: "/nonexistent/pw")) {
            try missing.resolvedPassword(environment: [:])
        }
    }

    @Test func percentEncodedCredentials() throws {
        let url = try PostgresCentralURL(parsing: "postgresql://op%40x:p%3Bw@h/db", environment: [:])
        #expect(url.user == "op@x")
        #expect(url.password == .inline("p;w"))
    }
}
