import Foundation

/// Prints ticket text on the configured target. Printing never blocks the caller's
/// concurrency pool: the command or the device write runs on its own thread and is given
/// `timeout` seconds (a printer out of paper may never answer); any failure comes back as a
/// `TicketPrintFailure` with an Italian message for the staff.
public struct TicketPrinter: Sendable {
    public let target: PrinterTarget
    public let timeout: TimeInterval

    public init(target: PrinterTarget, timeout: TimeInterval = 10) {
        self.target = target
        self.timeout = timeout
    }

    public func print(_ text: String) async throws(TicketPrintFailure) {
        let target = self.target, timeout = self.timeout
        let result: Result<Void, TicketPrintFailure> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.printNow(text, target: target, timeout: timeout))
            }
        }
        try result.get()
    }

    private static func printNow(_ text: String, target: PrinterTarget, timeout: TimeInterval) -> Result<Void, TicketPrintFailure> {
        switch target {
        case .device(let path): writeDevice(text, path: path)
        case .command(let command): runCommand(text, command: command, timeout: timeout)
        }
    }

    private static func writeDevice(_ text: String, path: String) -> Result<Void, TicketPrintFailure> {
        // Non-blocking: a device that cannot take the text now is a failure to report, not a
        // totem that hangs.
        let fd = open(path, O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(TicketPrintFailure(message: "stampante \(path) non disponibile (\(String(cString: strerror(errno))))"))
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(TicketPrintFailure(message: "stampa su \(path) non riuscita (\(String(cString: strerror(errno))))"))
            }
            written += n
        }
        return .success(())
    }

    private static func runCommand(_ text: String, command: String, timeout: TimeInterval) -> Result<Void, TicketPrintFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        // A command that exits without reading its input must not kill the totem with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            return .failure(TicketPrintFailure(message: "comando di stampa non avviato: \(error.localizedDescription)"))
        }
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            return .failure(TicketPrintFailure(message: "la stampante non ha risposto entro \(Int(timeout.rounded(.up))) s"))
        }
        guard process.terminationStatus == 0 else {
            return .failure(TicketPrintFailure(message: "comando di stampa terminato con errore \(process.terminationStatus)"))
        }
        return .success(())
    }
}
