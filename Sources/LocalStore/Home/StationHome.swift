import Foundation

/// The folder that holds one station's data: configuration, local store, logs and (by
/// default) the embedded central database.
public struct StationHome: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `--home DIR`, else `$SPORTELLO_HOME`, else `$XDG_DATA_HOME/sportello-tui`, else
    /// `~/.local/share/sportello-tui`. Relative paths are taken from the working directory.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> StationHome {
        if let explicit, !explicit.isEmpty { return StationHome(path: explicit) }
        if let home = environment["SPORTELLO_HOME"], !home.isEmpty { return StationHome(path: home) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return StationHome(path: xdg + "/sportello-tui")
        }
        if let user = environment["HOME"], !user.isEmpty {
            return StationHome(path: user + "/.local/share/sportello-tui")
        }
        throw StoreError.invalid("cartella della stazione sconosciuta: indicare --home o SPORTELLO_HOME")
    }

    public var configPath: String { path + "/sportello.toml" }
    public var storePath: String { path + "/store.sqlite" }
    public var defaultCentralPath: String { path + "/central.sqlite" }
    public var lockPath: String { path + "/.station.lock" }
    public var logDirectory: String { path + "/log" }

    /// True when a station was initialized here (configuration or store present).
    public var isInitialized: Bool {
        SecureFiles.exists(configPath) || SecureFiles.exists(storePath)
    }

    /// True when the path is this home or a file directly inside it.
    public func contains(_ file: String) -> Bool {
        URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path == path
    }
}
