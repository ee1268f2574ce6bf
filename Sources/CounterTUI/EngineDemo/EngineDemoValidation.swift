import Foundation

/// Field checks of the demo form, with Italian reasons.
public enum EngineDemoValidation {
    public static func validate(_ state: inout EngineDemoState) {
        state.surname.error = nameError(state.surname.editor.text)
        state.name.error = nameError(state.name.editor.text)
        state.fiscalCode.error = fiscalCodeError(state.fiscalCode.editor.text)
    }

    static func nameError(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "campo obbligatorio" }
        let allowed = trimmed.allSatisfy { $0.isLetter || $0 == " " || $0 == "'" || $0 == "-" || $0.unicodeScalars.allSatisfy { $0.properties.isEmoji } }
        return allowed ? nil : "caratteri non ammessi"
    }

    /// Shape of a codice fiscale (six letters, two digits, letter, two digits, letter, three
    /// digits, check letter); omocodia letters are accepted in digit places.
    static func fiscalCodeError(_ text: String) -> String? {
        let characters = Array(text)
        if characters.count != 16 { return "\(characters.count)/16 caratteri" }
        let digitPlaces: Set<Int> = [6, 7, 9, 10, 12, 13, 14]
        let omocodia = Set("LMNPQRSTUV")
        for (index, character) in characters.enumerated() {
            let isLetter = character.isASCII && character.isUppercase
            let isDigit = character.isASCII && character.isNumber
            let ok = digitPlaces.contains(index) ? (isDigit || omocodia.contains(character)) : isLetter
            if !ok { return "carattere \(index + 1) non valido" }
        }
        return nil
    }
}
