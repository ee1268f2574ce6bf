/// Reads a codice fiscale in full: every error with its position and Italian message, the
/// decoded sex, birth date (century inferred against a reference date passed in), birth place
/// through the Belfiore code valid on that date, and omocodia.
public struct CodiceFiscaleDecoder: Sendable {
    public let table: BelfioreTable

    public init(table: BelfioreTable = .shared) {
        self.table = table
    }

    public func decode(_ input: String, reference: CivilDate) -> CodiceFiscaleReport {
        let normalized = CodiceFiscaleNormalizer.normalize(input)
        var report = CodiceFiscaleReport(input: input, normalized: normalized)
        let scalars = Array(normalized.unicodeScalars)
        if scalars.isEmpty {
            report.errors.append(CodiceFiscaleIssue(.empty, "Codice fiscale vuoto."))
            return report
        }
        let allDigits = scalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        if allDigits && scalars.count == 11 {
            decodeProvisional(normalized, into: &report)
            return report
        }
        guard scalars.count == 16 else {
            let message = allDigits
                ? "Lunghezza errata: il codice fiscale numerico ha 11 cifre, ne sono state inserite \(scalars.count)."
                : "Lunghezza errata: il codice fiscale ha 16 caratteri, ne sono stati inseriti \(scalars.count)."
            report.errors.append(CodiceFiscaleIssue(.wrongLength, message))
            return report
        }
        report.kind = .standard
        decodeStandard(scalars, into: &report, reference: reference)
        return report
    }

    private func decodeProvisional(_ code: String, into report: inout CodiceFiscaleReport) {
        report.kind = .provisional
        let bytes = Array(code.utf8)
        let expected = bytes.withUnsafeBufferPointer { ProvisionalCodiceFiscale.checkDigit($0) }
        if expected != bytes[10] - 48 {
            report.errors.append(CodiceFiscaleIssue(.checkDigit,
                "Cifra di controllo errata: attesa «\(expected)», trovata «\(bytes[10] - 48)»."))
        }
        report.baseCode = code
    }

    private enum Slot {
        case letter(String)
        case digit(String)
        case month
        case check
    }

    private static func slot(at index: Int) -> Slot {
        switch index {
        case 0...2: return .letter("cognome")
        case 3...5: return .letter("nome")
        case 6, 7: return .digit("anno di nascita")
        case 8: return .month
        case 9, 10: return .digit("giorno di nascita e sesso")
        case 11: return .letter("codice catastale del luogo di nascita")
        case 12...14: return .digit("codice catastale del luogo di nascita")
        default: return .check
        }
    }

    private func decodeStandard(_ scalars: [Unicode.Scalar], into report: inout CodiceFiscaleReport, reference: CivilDate) {
        let tables = CodiceFiscaleTables.self
        var bytes = [UInt8](repeating: 0, count: 16)
        var alnum = [Bool](repeating: false, count: 16)
        var shapeOK = true
        // Whether positions 1–15 are all in order (the check character depends on them only).
        var headOK = true
        for (i, s) in scalars.enumerated() {
            defer { if i < 15 && !shapeOK { headOK = false } }
            let v = s.value
            let isLetter = v >= 65 && v <= 90
            let isDigit = v >= 48 && v <= 57
            let position = i + 1
            guard isLetter || isDigit else {
                report.errors.append(CodiceFiscaleIssue(.invalidCharacter,
                    "Carattere non ammesso «\(Character(s))» in posizione \(position): sono ammesse solo lettere A–Z e cifre."))
                shapeOK = false
                continue
            }
            let b = UInt8(v)
            bytes[i] = b
            alnum[i] = true
            switch CodiceFiscaleDecoder.slot(at: i) {
            case .letter(let part):
                if !isLetter {
                    report.errors.append(CodiceFiscaleIssue(.unexpectedCharacter,
                        "Carattere fuori posto in posizione \(position) (\(part)): attesa una lettera, trovato «\(Character(s))»."))
                    shapeOK = false
                }
            case .digit(let part):
                if tables.digitValue[Int(b)] == 255 {
                    report.errors.append(CodiceFiscaleIssue(.unexpectedCharacter,
                        "Carattere fuori posto in posizione \(position) (\(part)): attesa una cifra o una lettera di omocodia (L M N P Q R S T U V), trovato «\(Character(s))»."))
                    shapeOK = false
                }
            case .month:
                if !isLetter {
                    report.errors.append(CodiceFiscaleIssue(.unexpectedCharacter,
                        "Carattere fuori posto in posizione 9 (mese di nascita): attesa una lettera, trovato «\(Character(s))»."))
                    shapeOK = false
                } else if tables.monthValue[Int(b)] == 0 {
                    report.errors.append(CodiceFiscaleIssue(.invalidMonth,
                        "Lettera del mese di nascita «\(Character(s))» non valida: i mesi sono A B C D E H L M P R S T (gennaio…dicembre)."))
                }
            case .check:
                break
            }
        }

        // A wrong check character is listed after the errors it may be a consequence of.
        var checkIssue: CodiceFiscaleIssue?
        defer { if let checkIssue { report.errors.append(checkIssue) } }

        // Check character: meaningful only once the first 15 characters are in their places.
        if headOK {
            let expected = bytes.withUnsafeBufferPointer { tables.checkCharacter($0) }
            let expectedChar = Character(Unicode.Scalar(expected))
            report.expectedCheckCharacter = expectedChar
            let found = bytes[15]
            if alnum[15] && !tables.isUpperLetter(found) {
                report.errors.append(CodiceFiscaleIssue(.unexpectedCharacter,
                    "Carattere fuori posto in posizione 16 (carattere di controllo): attesa una lettera, trovato «\(Character(Unicode.Scalar(found)))»; il carattere di controllo atteso è «\(expectedChar)»."))
                shapeOK = false
            } else if alnum[15] && found != expected {
                checkIssue = CodiceFiscaleIssue(.checkCharacter,
                    "Carattere di controllo errato: atteso «\(expectedChar)», trovato «\(Character(Unicode.Scalar(found)))».")
            }
        }

        let digitsOK = tables.digitPositions.allSatisfy { alnum[$0] && tables.digitValue[Int(bytes[$0])] != 255 }
        guard digitsOK else { return }
        func digit(_ i: Int) -> Int { Int(tables.digitValue[Int(bytes[i])]) }

        // Omocodia.
        let mask = CodiceFiscaleOmocodia.mask(of: bytes)
        report.omocodeLevel = mask.nonzeroBitCount
        if mask != 0 && (mask & (mask + 1)) != 0 {
            report.warnings.append(CodiceFiscaleIssue(.omocodeOrder,
                "Omocodia non nell'ordine previsto: le cifre si sostituiscono a partire da destra (variante valida, ma non assegnata di norma)."))
        }
        if shapeOK {
            report.baseCode = String(decoding: CodiceFiscaleOmocodia.applying(mask: 0, to: bytes), as: UTF8.self)
        }

        // Sex and birth date.
        let rawDay = digit(9) * 10 + digit(10)
        var day: Int?
        switch rawDay {
        case 1...31: report.sex = .male; day = rawDay
        case 41...71: report.sex = .female; day = rawDay - 40
        default:
            report.errors.append(CodiceFiscaleIssue(.invalidDay,
                "Giorno di nascita «\(rawDay < 10 ? "0" : "")\(rawDay)» non valido: 01–31 per i maschi, 41–71 per le femmine (giorno + 40)."))
        }
        let month = alnum[8] ? Int(tables.monthValue[Int(bytes[8])]) : 0
        if let day, month > 0 {
            let year = CodiceFiscaleCentury.year(twoDigits: digit(6) * 10 + digit(7), month: month, day: day, referenceKey: reference.key)
            if let date = CivilDate(year: year, month: month, day: day) {
                report.birthDate = date
            } else {
                report.errors.append(CodiceFiscaleIssue(.impossibleDate,
                    "Data di nascita impossibile: \(day) \(CivilDate.italianMonthNames[month - 1]) \(year) (il mese ha \(CivilDate.daysIn(month: month, year: year)) giorni)."))
            }
        }

        // Birth place through the Belfiore code valid on the birth date.
        guard alnum[11], tables.isUpperLetter(bytes[11]) else { return }
        let slot = Int(bytes[11] - 65) * 1000 + digit(12) * 100 + digit(13) * 10 + digit(14)
        let code = "\(Character(Unicode.Scalar(bytes[11])))\(digit(12))\(digit(13))\(digit(14))"
        let rows = table.rows(slot: slot)
        guard let latest = rows.last else {
            report.errors.append(CodiceFiscaleIssue(.unknownPlace,
                "Codice catastale «\(code)» sconosciuto: nessun comune o stato estero ha questo codice."))
            return
        }
        guard let date = report.birthDate else {
            report.birthPlace = latest
            return
        }
        if let index = table.entryIndex(slot: slot, dateKey: date.key) {
            report.birthPlace = table.entries[index]
        } else {
            report.birthPlace = latest
            let periods = rows.map(\.periodDescription).joined(separator: "; ")
            report.errors.append(CodiceFiscaleIssue(.placeNotValidOnDate,
                "Il codice catastale «\(code)» (\(latest.shortDescription)) non era valido alla data di nascita \(date.italian): valido \(periods)."))
        }
    }
}
