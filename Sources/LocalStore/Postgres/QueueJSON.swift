import CruscottoModel
import Foundation

/// How the queue's model values travel as JSON to and from the central functions: instants as
/// seconds since 1970 (numbers the SQL writes from its parameters), keys as the model names them.
enum QueueJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    static func text<T: Encodable>(_ value: T) throws(QueueBackendError) -> String {
        do { return String(decoding: try encoder().encode(value), as: UTF8.self) } catch {
            throw .unavailable(reason: "codifica non riuscita: \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws(QueueBackendError) -> T {
        guard let text else { throw .unavailable(reason: "risposta vuota del database centrale") }
        do { return try decoder().decode(type, from: Data(text.utf8)) } catch {
            throw .unavailable(reason: "risposta non leggibile del database centrale: \(error)")
        }
    }
}
