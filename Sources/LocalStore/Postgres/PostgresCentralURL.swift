import Foundation

/// A `postgresql://` central database location: host, port, database, user, where the
/// password comes from and whether TLS is used.
///
/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require|verify-full]`
/// `[&sslrootcert=FILE][&password_file=FILE][&password_env=NAME]`. Without a password in the
/// URL it comes from `password_file` (readable only by its owner, else refused), from the
/// variable `password_env`, else from `SPORTELLO_CENTRAL_PASSWORD` when set.
public struct PostgresCentralURL: Sendable, Equatable {
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public enum PasswordSource: Sendable, Equatable {
        case none
        case inline(String)
        case file(String)
        case environment(String)
    }

    public static let defaultPasswordVariable = "SPORTELLO_CENTRAL_PASSWORD"

    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    public var password: PasswordSource
    public var tls: TLSMode
    public var rootCertificate: String?

    public init(host: String, port: Int = 5432, database: String, user: String,
                password: PasswordSource = .none, tls: TLSMode = .prefer, rootCertificate: String? = nil) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.tls = tls
        self.rootCertificate = rootCertificate
    }

    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresCentralError) {
        let shown = Self.redacted(text)
        func bad(_ reason: String) -> PostgresCentralError { .invalidURL(shown, reason: reason) }
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") else {
            throw bad("deve iniziare con postgresql://")
        }
        guard let parts = URLComponents(string: text) else { throw bad("forma non riconosciuta") }
        guard let host = parts.host, !host.isEmpty else { throw bad("manca l'host") }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else { throw bad("manca l'utente (utente@host)") }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw bad("manca il nome del database (/nome)") }
        if let port = parts.port, !(1...65_535).contains(port) { throw bad("porta fuori intervallo") }
        self.init(host: host, port: parts.port ?? 5432, database: database, user: user)
        var passwordFile: String?
        var passwordVariable: String?
        for item in parts.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw bad("sslmode ammessi: disable, prefer, require, verify-full")
                }
                tls = mode
            case "sslrootcert": rootCertificate = value
            case "password_file": passwordFile = value
            case "password_env": passwordVariable = value
            default: throw bad("parametro sconosciuto: \(item.name)")
            }
        }
        if let inline = parts.password {
            password = .inline(inline.removingPercentEncoding ?? inline)
        } else if let passwordFile {
            password = .file(passwordFile)
        } else if let passwordVariable {
            guard environment[passwordVariable] != nil else { throw .passwordEnvironmentMissing(name: passwordVariable) }
            password = .environment(passwordVariable)
        } else if environment[Self.defaultPasswordVariable] != nil {
            password = .environment(Self.defaultPasswordVariable)
        }
    }

    /// The same URL pointing at another database (tests and `central init` of a new database).
    public func with(database: String) -> PostgresCentralURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The password to send: read now, so that a password file changed on disk is honoured.
    public func resolvedPassword(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresCentralError) -> String? {
        switch password {
        case .none: return nil
        case let .inline(text): return text
        case let .environment(name):
            guard let value = environment[name] else { throw .passwordEnvironmentMissing(name: name) }
            return value
        case let .file(path):
            let attributes: [FileAttributeKey: Any]
            do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
                throw .passwordFileUnreadable(path: path)
            }
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
            if mode & 0o077 != 0 { throw .passwordFileTooOpen(path: path, mode: String(mode, radix: 8)) }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .passwordFileUnreadable(path: path)
            }
            return text.trimmingCharacters(in: .newlines)
        }
    }

    /// The URL as shown in messages: no password.
    public var display: String {
        "postgresql://\(user)@\(host):\(port)/\(database)"
    }

    /// A URL text with any password replaced by `***`.
    public static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
