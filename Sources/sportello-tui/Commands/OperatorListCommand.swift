import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui operator list [--json]`.
struct OperatorListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Elenca gli operatori (anche quelli disabilitati).")

    @OptionGroup var homeOptions: HomeOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    struct Row: Encodable {
        let username: String
        let fullName: String
        let roles: [String]
        let disabled: Bool

        enum CodingKeys: String, CodingKey {
            case username, roles, disabled
            case fullName = "full_name"
        }
    }

    func run() async throws {
        let home = try homeOptions.resolve()
        let station = try await HomeOptions.run { try Station.open(home: home) }
        defer { station.close() }
        let operators = try await HomeOptions.run { try await station.operatorDirectory().listOperators() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let rows = operators.map {
                Row(username: $0.username, fullName: $0.fullName, roles: $0.roles.sorted().map(\.rawValue), disabled: $0.disabled)
            }
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        if operators.isEmpty {
            print("nessun operatore")
            return
        }
        for op in operators {
            let state = op.disabled ? "  [disabilitato]" : ""
            print("\(op.username)\t\(op.fullName)\t\(op.roles.sorted().map(\.rawValue).joined(separator: ","))\(state)")
        }
    }
}
