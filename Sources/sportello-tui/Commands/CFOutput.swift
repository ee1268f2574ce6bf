import CruscottoModel
import Foundation

/// Text and JSON renderings of codice fiscale answers (JSON: sorted keys, snake_case, errors as
/// objects with a stable `code` and the Italian `message`).
enum CFOutput {
    static func issues(_ list: [CodiceFiscaleIssue]) -> [[String: Any]] {
        list.map { ["code": $0.code.rawValue, "message": $0.message] }
    }

    /// The value, or JSON null.
    static func orNull(_ value: Any?) -> Any { value ?? NSNull() }

    static func place(_ entry: BelfioreEntry?) -> Any {
        guard let entry else { return NSNull() }
        return [
            "code": entry.code,
            "name": entry.name,
            "province": orNull(entry.kind == .stato ? nil : entry.province),
            "kind": entry.kind.rawValue,
            "valid_from": entry.validFrom.iso,
            "valid_to": orNull(entry.validTo?.iso),
        ] as [String: Any]
    }

    static func report(_ r: CodiceFiscaleReport) -> [String: Any] {
        [
            "input": r.input,
            "valid": r.valid,
            "normalized": r.normalized,
            "kind": orNull(r.kind?.rawValue),
            "errors": issues(r.errors),
            "warnings": issues(r.warnings),
            "sex": orNull(r.sex?.rawValue),
            "birth_date": orNull(r.birthDate?.iso),
            "birth_place": place(r.birthPlace),
            "omocode": r.isOmocode,
            "omocode_level": r.omocodeLevel,
            "base_code": orNull(r.baseCode),
            "expected_check_character": orNull(r.expectedCheckCharacter.map { String($0) }),
        ]
    }

    static func printJSON(_ object: Any) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) else { return }
        // Empty arrays come out of the pretty printer as "[\n\n  ]"; JSON strings never hold a
        // raw newline, so folding that pattern cannot touch the data.
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"\[\n\n *\]"#, with: "[]", options: .regularExpression)
        print(text)
    }

    static func printIssues(_ r: CodiceFiscaleReport) {
        for issue in r.errors { print("errore: \(issue.message)") }
        for issue in r.warnings { print("avviso: \(issue.message)") }
    }

    static func placeLine(_ entry: BelfioreEntry) -> String {
        let kind = entry.kind == .stato ? "stato estero" : "comune"
        return "\(entry.displayName), \(kind), codice \(entry.code)"
    }

    /// Exit 1 with the one-line stderr message when the code is not valid.
    static func finish(_ r: CodiceFiscaleReport) throws {
        guard r.valid else {
            throw CommandFailure.rejected("codice fiscale non valido: \(r.errors.first?.message ?? "")")
        }
    }
}
