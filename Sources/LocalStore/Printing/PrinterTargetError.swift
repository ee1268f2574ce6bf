/// Why a `printer` value is not valid, in Italian.
public struct PrinterTargetError: Error, Equatable, Sendable {
    public let message: String
}
