/// A central database that can give the responsabile's report (docs/REPORT.md): the embedded
/// central file and PostgreSQL give the same facts for the same history.
public protocol QueueReportSource: Sendable {
    /// The facts of the local days `from…to` (both included).
    func reportFacts(from: LocalDay, to: LocalDay) async throws -> QueueReportFacts
}
