import CruscottoModel
import Foundation
import LocalStore
import TOMLKit

/// The queue configuration `central init` loads into a new central database: a TOML file in
/// the shape of `QueueConfiguration`, or the default office (`DefaultQueueOffice`).
enum CentralQueueConfigurationSource {
    static func load(path: String?) throws -> QueueConfiguration {
        guard let path else { return DefaultQueueOffice.configuration }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.usage("file non leggibile: \(path)")
        }
        let configuration: QueueConfiguration
        do { configuration = try TOMLDecoder().decode(QueueConfiguration.self, from: text) } catch {
            throw CommandFailure.rejected("configurazione della coda non valida (\(path)): \(error)")
        }
        let problems = configuration.validationProblems
        guard problems.isEmpty else {
            throw CommandFailure.rejected("configurazione della coda non valida: \(problems.joined(separator: "; "))")
        }
        return configuration
    }
}
