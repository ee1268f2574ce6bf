import CruscottoModel
import Foundation
import TOMLKit

/// The office's queue configuration as the TOML file the responsabile exports, edits and
/// imports (`services export|import FILE`): the `QueueConfiguration` in its own snake_case
/// shape (`[[services]]`, `[[profiles]]`, `[[counters]]`, `[priority_policy]`, `[rules]`).
public enum QueueConfigurationFile {
    public static func encode(_ config: QueueConfiguration) throws -> String {
        let header = """
            # Configurazione della coda dell'ufficio: servizi (prefisso, orari, durata tipica),
            # categorie di priorità, profili degli sportelli e sportelli numerati.
            # Orari: per giorno (mon…sun) una lista di intervalli "HH:MM-HH:MM" in ora locale.

            """
        return header + (try TOMLEncoder(options: [.allowUnicodeStrings, .indentations]).encode(config))
    }

    /// Parses and validates a file's text; the error says what is wrong, in Italian.
    public static func decode(_ text: String) throws -> QueueConfiguration {
        let config: QueueConfiguration
        do {
            config = try TOMLDecoder().decode(QueueConfiguration.self, from: text)
        } catch let error as TOMLParseError {
            throw QueueBackendError.invalidConfiguration(problems: [
                "TOML non valido alla riga \(error.source.begin.line): \(error.description)",
            ])
        } catch let error as DecodingError {
            throw QueueBackendError.invalidConfiguration(problems: [describe(error)])
        }
        let problems = config.validationProblems
        guard problems.isEmpty else { throw QueueBackendError.invalidConfiguration(problems: problems) }
        return config
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context)
            return "manca «\(key.stringValue)»" + (at.isEmpty ? "" : " in \(at)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "valore di tipo errato in \(path(context))"
        case let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "file non leggibile"
        }
    }
}
