import Foundation
import LocalStore

/// The bare SQL claim run by pgbench beside the product's claim: the same `FOR UPDATE SKIP
/// LOCKED` head-of-line update on an index whose order the query matches, as one statement,
/// alone and with the change-log row and the (coalesced) notification the product's claim
/// also writes.
enum BenchBareClaim {
    enum Script: String, CaseIterable {
        case claim = "claim"
        case claimLogNotify = "claim+log+notify"

        var sql: String {
            let claim = """
                UPDATE bench_bare.ticket SET state = 'called', counter = :client_id, token = nextval('bench_bare.token') \
                WHERE id = (SELECT id FROM bench_bare.ticket WHERE local_day = '2026-11-30' AND service_code = 'ANA' \
                AND state = 'waiting' ORDER BY local_day, service_code, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
                RETURNING id, token
                """
            switch self {
            case .claim: return claim + ";\n"
            case .claimLogNotify:
                return "WITH c AS (\(claim)), l AS (INSERT INTO bench_bare.change (ticket_id, kind) SELECT id, 'call' FROM c "
                    + "RETURNING ticket_id) SELECT CASE WHEN pg_try_advisory_xact_lock(5350434551) "
                    + "THEN pg_notify('bench_bare', ticket_id::text) END FROM l;\n"
            }
        }
    }

    static let setup = [
        "DROP SCHEMA IF EXISTS bench_bare CASCADE",
        "CREATE SCHEMA bench_bare",
        "CREATE SEQUENCE bench_bare.token",
        """
        CREATE TABLE bench_bare.ticket (id bigint PRIMARY KEY, local_day date NOT NULL, service_code text NOT NULL,
            arrival timestamptz NOT NULL, seq integer NOT NULL, state text NOT NULL, counter integer, token bigint)
            WITH (fillfactor = 80, autovacuum_vacuum_threshold = 200, autovacuum_vacuum_scale_factor = 0,
                  autovacuum_vacuum_cost_delay = 0)
        """,
        "CREATE INDEX bench_bare_line ON bench_bare.ticket (local_day, service_code, arrival, seq, id) WHERE state = 'waiting'",
        """
        CREATE TABLE bench_bare.change (seq bigserial PRIMARY KEY, xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
            ticket_id bigint NOT NULL, kind text NOT NULL)
        """,
    ]

    struct Result {
        var tps: Double
        var latencyMs: Double
    }

    static func run(pgbench: String, url: PostgresCentralURL, script: Script, clients: Int, seconds: Int) async throws -> Result {
        for statement in setup { try await PostgresCentralAdmin.execute(url, sql: statement) }
        // Enough waiting rows for the run at well above the expected rate.
        let rows = max(50_000, seconds * 12_000)
        try await PostgresCentralAdmin.execute(url, sql: """
            INSERT INTO bench_bare.ticket (id, local_day, service_code, arrival, seq, state)
            SELECT i, '2026-11-30', 'ANA', timestamptz '2026-11-30 08:00+01' + (i || ' ms')::interval, i, 'waiting'
              FROM generate_series(1, \(rows)) AS i
            """)
        try await PostgresCentralAdmin.execute(url, sql: "ANALYZE bench_bare.ticket")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bare-claim-\(getpid()).sql")
        try script.sql.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let arguments = ["-n", "-M", "extended", "-c", String(clients), "-j", "2", "-T", String(seconds),
                         "-f", file.path, "-h", url.host, "-p", String(url.port), "-U", url.user, url.database]
        // Never a password prompt: the password from the environment, a bounded connect.
        var environment = ProcessInfo.processInfo.environment
        if let password = try url.resolvedPassword() { environment["PGPASSWORD"] = password }
        environment["PGCONNECT_TIMEOUT"] = "10"
        environment["PGSSLMODE"] = url.tls.rawValue
        if let root = url.rootCertificate { environment["PGSSLROOTCERT"] = root }
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("bare-claim-\(getpid()).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let outcome: ChildProcess.Outcome
        do {
            outcome = try await ChildProcess.run(pgbench, arguments: arguments, environment: environment,
                                                 outputPath: outputFile.path, timeout: .seconds(seconds + 60))
        } catch {
            throw CommandFailure.usage("pgbench non avviato: \(error)")
        }
        let data = (try? Data(contentsOf: outputFile)) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        let lastLine = text.split(separator: "\n").last.map(String.init) ?? ""
        switch outcome {
        case .exited(0):
            break
        case .timedOut:
            throw CommandFailure.usage("pgbench non ha finito entro \(seconds + 60) s ed è stato interrotto: \(lastLine)")
        case let .exited(code):
            throw CommandFailure.usage("pgbench non riuscito (uscita \(code)): \(lastLine)")
        case let .signalled(signal):
            throw CommandFailure.usage("pgbench interrotto dal segnale \(signal): \(lastLine)")
        }
        guard let tps = number(after: "tps = ", in: text), let latency = number(after: "latency average = ", in: text) else {
            throw CommandFailure.usage("uscita di pgbench non riconosciuta: \(lastLine)")
        }
        return Result(tps: tps, latencyMs: latency)
    }

    private static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
}
