/// A refusal raised by a central function with its own SQLSTATE (`SQ001` office day closed,
/// `SQ409` row changed since read, `SQ403` stale token, `SQ422` identity changed).
struct CentralRefusal: Error, Sendable {
    var sqlState: String
    var message: String
}
