import ArgumentParser
import CruscottoModel

/// `sportello-tui bench cf`: codice fiscale validation and decoding throughput on one core.
struct CFBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cf",
        abstract: "Velocità di validazione e decodifica del codice fiscale (un core)."
    )

    @Option(name: .long, help: "Validazioni da eseguire.")
    var validations = 5_000_000

    @Option(name: .long, help: "Decodifiche da eseguire.")
    var decodes = 1_000_000

    @Option(name: .long, help: "Codici distinti generati (circa 5% errati, 10% omocodici).")
    var distinct = 100_000

    @Option(name: .long, help: "Seme del generatore.")
    var seed: UInt64 = 42

    func run() async throws {
        guard validations > 0, decodes > 0, distinct > 0 else {
            throw CommandFailure.usage("i conteggi devono essere positivi")
        }
        let clock = ContinuousClock()
        let reference = CivilDate(year: 2026, month: 11, day: 30)!

        let loadStart = clock.now
        let table = BelfioreTable.shared
        let rows = table.entries.count
        let loadTime = clock.now - loadStart

        let codes = generate(table: table)
        print("bench cf: \(codes.count) codici distinti (seme \(seed)), data di riferimento \(reference.iso), un thread")
        print("caricamento tabella Belfiore: \(rows) righe in \(format(seconds(loadTime) * 1000, 1)) ms")

        // Validation: the allocation-free path.
        var valid = 0
        let validateStart = clock.now
        for i in 0..<validations {
            if CodiceFiscaleValidator.isValid(codes[i % codes.count], reference: reference, table: table) { valid += 1 }
        }
        let validateTime = seconds(clock.now - validateStart)
        print("validazione: \(validations) codici in \(format(validateTime, 3)) s = \(Int(Double(validations) / validateTime)) codici/s (validi \(valid))")

        // Decoding: full report with place, date and omocodia.
        let decoder = CodiceFiscaleDecoder(table: table)
        var decodedValid = 0
        let decodeStart = clock.now
        for i in 0..<decodes {
            if decoder.decode(codes[i % codes.count], reference: reference).valid { decodedValid += 1 }
        }
        let decodeTime = seconds(clock.now - decodeStart)
        print("decodifica: \(decodes) codici in \(format(decodeTime, 3)) s = \(Int(Double(decodes) / decodeTime)) codici/s (validi \(decodedValid))")
    }

    private func generate(table: BelfioreTable) -> [String] {
        var rng = SplitMix64(seed: seed)
        let names = ItalianNames.shared
        let places = table.entries.filter { $0.validTo == nil }
        var codes: [String] = []
        codes.reserveCapacity(distinct)
        while codes.count < distinct {
            let female = rng.next() % 2 == 0
            let first = female ? names.femaleFirstNames : names.maleFirstNames
            let surname = names.surnames[Int(rng.next() % UInt64(names.surnames.count))]
            let name = first[Int(rng.next() % UInt64(first.count))]
            let place = places[Int(rng.next() % UInt64(places.count))]
            let year = 1930 + Int(rng.next() % 91)
            let month = 1 + Int(rng.next() % 12)
            let day = 1 + Int(rng.next() % 28)
            guard let date = CivilDate(year: year, month: month, day: day), place.isValid(on: date),
                  let s = CodiceFiscaleEncoder.surnameCode(surname), let n = CodiceFiscaleEncoder.nameCode(name) else { continue }
            var first15 = Array(s + n + CodiceFiscaleEncoder.dateCode(date, sex: female ? .female : .male) + place.code)
            let roll = rng.next() % 100
            if roll < 10 {
                // Omocodia level 1 or 2: the last digits become letters.
                let letters = Array("LMNPQRSTUV")
                for position in roll < 5 ? [14] : [14, 13] {
                    first15[position] = letters[Int(String(first15[position]))!]
                }
            }
            guard var check = CodiceFiscaleEncoder.checkCharacter(first15: String(first15)) else { continue }
            if roll >= 95 { check = check == "A" ? "B" : "A" }
            codes.append(String(first15) + String(check))
        }
        return codes
    }

    private func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        let rounded = (value * p).rounded() / p
        return String(rounded)
    }
}

/// A small seeded generator so that benchmark inputs are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
