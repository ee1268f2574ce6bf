/// Where the totem prints tickets, from `printer = "…"` in sportello.toml:
/// `command:lp -d totem` (a shell command that receives the ticket text on its standard
/// input) or `device:/dev/usb/lp0` (a character device or file the text is written to).
public enum PrinterTarget: Equatable, Sendable {
    case command(String)
    case device(path: String)

    /// Parses the configuration value; the error is an Italian message for the config file.
    public static func parse(_ text: String) -> Result<PrinterTarget, PrinterTargetError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("command:") {
            let command = trimmed.dropFirst("command:".count).trimmingCharacters(in: .whitespaces)
            guard !command.isEmpty else { return .failure(PrinterTargetError(message: "'printer': manca il comando dopo 'command:'")) }
            return .success(.command(command))
        }
        if trimmed.hasPrefix("device:") {
            let path = trimmed.dropFirst("device:".count).trimmingCharacters(in: .whitespaces)
            guard path.hasPrefix("/"), path.count > 1 else {
                return .failure(PrinterTargetError(message: "'printer': dopo 'device:' serve un percorso assoluto (es. device:/dev/usb/lp0)"))
            }
            return .success(.device(path: path))
        }
        return .failure(PrinterTargetError(message: "'printer' non valido: scrivere command:COMANDO o device:/PERCORSO"))
    }

    /// The value as written in the configuration file.
    public var configText: String {
        switch self {
        case .command(let command): "command:\(command)"
        case .device(let path): "device:\(path)"
        }
    }
}
