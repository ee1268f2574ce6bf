import CruscottoModel
import Foundation
import TOMLKit

extension StationConfig {
    /// The keys a configuration may contain; anything else is an error (a typo must never
    /// silently fall back to a default).
    static let knownKeys = ["office", "station", "kind", "counter", "central", "idle_lock_minutes", "printer"]

    /// Reads `HOME/sportello.toml`; throws `ConfigError` listing every problem with its line,
    /// or `StoreError.notInitialized` when the file is missing.
    public static func load(from home: StationHome) throws -> StationConfig {
        guard let data = FileManager.default.contents(atPath: home.configPath) else {
            if SecureFiles.exists(home.configPath) {
                throw StoreError.unwritable(path: home.configPath, reason: "lettura non permessa")
            }
            throw StoreError.notInitialized(home: home.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: home.configPath,
                              issues: [ConfigIssue(line: nil, message: "il file non è testo UTF-8")])
        }
        return try parse(text, path: home.configPath)
    }

    /// Parses the text of a configuration file. `path` only names the file in errors.
    public static func parse(_ text: String, path: String) throws -> StationConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, issues: [
                ConfigIssue(line: error.source.begin.line, message: "sintassi TOML non valida (\(error.description))"),
            ])
        }
        let index = TOMLLineIndex(text: text)
        var issues: [ConfigIssue] = []
        func issue(_ key: String, _ message: String) {
            issues.append(ConfigIssue(line: index.line(of: key), message: message))
        }

        for key in table.keys.sorted() where !knownKeys.contains(key) {
            issue(key, "chiave sconosciuta '\(key)' (ammesse: \(knownKeys.joined(separator: ", ")))")
        }

        func string(_ key: String) -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else {
                issue(key, "'\(key)' deve essere un testo tra virgolette"); return nil
            }
            return text
        }
        func integer(_ key: String) -> Int? {
            guard let value = table[key] else { return nil }
            guard let number = value.int else {
                issue(key, "'\(key)' deve essere un numero intero"); return nil
            }
            return number
        }

        let officeName = string("office")?.trimmingCharacters(in: .whitespaces)
        if table["office"] == nil {
            issues.append(ConfigIssue(line: nil, message: "manca 'office' (nome dell'ufficio)"))
        } else if officeName?.isEmpty == true {
            issue("office", "'office' non può essere vuoto")
        }

        let stationID = string("station")
        if table["station"] == nil {
            issues.append(ConfigIssue(line: nil, message: "manca 'station' (identificativo della stazione)"))
        } else if let stationID, !isValidStationID(stationID) {
            issue("station", "'station' non valido: da 1 a 32 caratteri tra minuscole, cifre, '-', '_', '.'")
        }

        var kind: StationKind?
        if let text = string("kind") {
            kind = StationKind(rawValue: text)
            if kind == nil {
                issue("kind", "tipo di stazione '\(text)' sconosciuto (ammessi: \(StationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        } else if table["kind"] == nil {
            issues.append(ConfigIssue(line: nil, message: "manca 'kind' (tipo di stazione)"))
        }

        let counter = integer("counter")
        if let counter, !counterRange.contains(counter) {
            issue("counter", "'counter' deve essere tra \(counterRange.lowerBound) e \(counterRange.upperBound)")
        }
        if let kind {
            if kind.needsCounter, table["counter"] == nil {
                issues.append(ConfigIssue(line: nil, message: "manca 'counter': una stazione '\(kind.rawValue)' serve a uno sportello numerato"))
            } else if !kind.needsCounter, table["counter"] != nil {
                issue("counter", "'counter' non ammesso per una stazione '\(kind.rawValue)'")
            }
        }

        var central: CentralLocation?
        if let text = string("central") {
            switch CentralLocation.parse(text) {
            case .success(.postgresql(let url)):
                // The whole URL is checked here (parameters, TLS mode), not at first use.
                do {
                    _ = try PostgresCentralURL(parsing: url, environment: [:])
                    central = .postgresql(url: url)
                } catch .passwordEnvironmentMissing {
                    central = .postgresql(url: url)
                } catch {
                    issue("central", error.description)
                }
            case .success(let location): central = location
            case .failure(let error): issue("central", error.message)
            }
        } else if table["central"] == nil {
            central = .sqlite(path: URL(fileURLWithPath: path).deletingLastPathComponent().path + "/central.sqlite")
        }

        var idle = defaultIdleLockMinutes
        if let minutes = integer("idle_lock_minutes") {
            if idleLockRange.contains(minutes) {
                idle = minutes
            } else {
                issue("idle_lock_minutes", "'idle_lock_minutes' deve essere tra \(idleLockRange.lowerBound) e \(idleLockRange.upperBound)")
            }
        }

        var printer: PrinterTarget?
        if let text = string("printer") {
            switch PrinterTarget.parse(text) {
            case .success(let target): printer = target
            case .failure(let error): issue("printer", error.message)
            }
        }

        guard issues.isEmpty, let officeName, let stationID, let kind, let central else {
            throw ConfigError(path: path, issues: issues.sorted { ($0.line ?? .max) < ($1.line ?? .max) })
        }
        return StationConfig(officeName: officeName, stationID: stationID, kind: kind,
                             counter: kind.needsCounter ? counter : nil,
                             central: central, idleLockMinutes: idle, printer: printer)
    }

    /// The file `init` writes: every key, with a comment saying what it is.
    public var tomlText: String {
        var lines = [
            "# Configurazione della stazione di Sportello TUI (vedi docs/STORE.md).",
            "",
            "# Nome dell'ufficio mostrato nell'intestazione.",
            "office = \(Self.quoted(officeName))",
            "# Identificativo della stazione (minuscole, cifre, '-', '_', '.').",
            "station = \(Self.quoted(stationID))",
            "# Tipo: \(StationKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            "kind = \(Self.quoted(kind.rawValue))",
        ]
        if let counter {
            lines += ["# Numero dello sportello.", "counter = \(counter)"]
        }
        lines += [
            "# Database centrale: sqlite:///PERCORSO (file condiviso) o postgresql://UTENTE@HOST/DB?password_file=… (docs/CENTRAL.md).",
            "central = \(Self.quoted(central.urlString))",
            "# Minuti di inattività prima del blocco dello schermo.",
            "idle_lock_minutes = \(idleLockMinutes)",
        ]
        if let printer {
            lines += ["# Stampante dei biglietti del totem: command:COMANDO o device:/PERCORSO.",
                      "printer = \(Self.quoted(printer.configText))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
