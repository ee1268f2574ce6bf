import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui bench contacts --count N`: generates realistic contacts, imports them
/// through the store's import (the bulk path of `contacts import`), runs the bare-SQLite
/// baseline on the same rows, and measures searches through `AppDatabase.searchContacts`
/// (the method of the search box) one keystroke at a time.
struct BenchContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Anagrafica: importazione massiva e ricerca a ogni tasto su N contatti.")

    @Option(help: "Contatti da generare.")
    var count = 100_000

    @Option(help: "Ricerche digitate per ciascun tipo (ogni tasto è una ricerca).")
    var queries = 200

    @Option(help: "Seme del generatore.")
    var seed: UInt64 = 7

    @Option(help: ArgumentHelp("Cartella per i file di prova (predefinita: una cartella temporanea, rimossa alla fine).", valueName: "DIR"))
    var dir: String?

    @Flag(help: "Salta il confronto con SQLite nudo.")
    var skipBaseline = false

    @Option(help: "Mostra per ogni tipo le N ricerche più lente, per orologio e per tempo di CPU (testo digitato e tempi).")
    var slowest = 0

    func run() async throws {
        guard count > 0, queries > 0 else { throw CommandFailure.usage("i conteggi devono essere positivi") }
        let folder = dir ?? (NSTemporaryDirectory() + "sportello-bench-contacts-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let storePath = folder + "/store.sqlite", barePath = folder + "/bare.sqlite"
        for path in [storePath, barePath] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let clock = ContinuousClock()
        let now = Date()
        let instantText = ContactsCommandSupport.iso(now)

        // 1. Generation (not timed as import).
        var generator = BenchContactsGenerator(seed: seed)
        let generationStart = clock.now
        var people: [ContactDetails] = []
        people.reserveCapacity(count)
        for index in 0..<count { people.append(generator.next(index: index)) }
        let identities = people.map(ContactImportIdentity.key(for:))
        print("bench contacts: \(count) contatti generati in \(Self.format(Self.seconds(clock.now - generationStart), 2)) s (seme \(seed)); cartella \(folder)")

        // 2. The store's import.
        let store = try AppDatabase.create(at: storePath)
        let context = AccessContext(operatorUsername: "bench", stationID: "bench", purpose: .administration)
        var index = 0
        let importStart = clock.now
        let summary = try store.importContacts(
            next: {
                guard index < people.count else { return nil }
                defer { index += 1 }
                return .accepted(line: index + 2, details: people[index], identity: identities[index], warnings: [])
            },
            source: "bench", context: context, expectedRows: count, record: { _, _ in })
        let importSeconds = Self.seconds(clock.now - importStart)
        let importRate = Double(count) / importSeconds
        try store.checkpoint()
        let bytes = try store.storeBytes()
        print("import (store, \(summary.bulk ? "percorso massivo" : "riga per riga")): \(summary.created) creati, \(summary.alreadyPresent) già presenti (identità ripetute), \(summary.outboxEvents) eventi outbox, in \(Self.format(importSeconds, 2)) s = \(Int(importRate)) righe/s")

        // 3. Bare SQLite, same rows, same final tables and indexes.
        if !skipBaseline {
            let loader = try ContactBareSQLiteBaseline.Loader(path: barePath)
            try loader.begin()
            var bareSeconds = 0.0
            var start = 0
            let chunk = 50_000
            while start < people.count {
                let end = min(people.count, start + chunk)
                let rows = (start..<end).map { ContactBareSQLiteBaseline.row(people[$0], id: ContactID(UUIDv7.make(at: now)),
                                                                              identity: identities[$0], at: instantText, by: "bench") }
                let t = clock.now
                try loader.insert(rows[...])
                bareSeconds += Self.seconds(clock.now - t)
                start = end
            }
            let t = clock.now
            try loader.finish()
            bareSeconds += Self.seconds(clock.now - t)
            try loader.close()
            let bareRate = Double(count) / bareSeconds
            print("import (SQLite nudo, stesse righe e indici finali): \(Self.format(bareSeconds, 2)) s = \(Int(bareRate)) righe/s; rapporto store/nudo = \(Self.format(importRate / bareRate, 2))")
        }
        print("dimensione: \(bytes / 1_048_576) MiB = \(bytes / Int64(count)) byte per contatto")

        // 4. Searches, one keystroke at a time.
        var random = BenchContactsRandom(seed: seed &+ 1)
        func sample() -> ContactDetails { people[Int(random.next() % UInt64(people.count))] }
        var kinds: [(String, [String])] = []
        kinds.append(("codice fiscale", (0..<queries).map { _ in sample().fiscalCode ?? "" }))
        kinds.append(("telefono", (0..<queries).compactMap { _ in sample().phones.first.map { String($0.e164.dropFirst(3)) } }))
        kinds.append(("prefisso cognome", (0..<queries).map { _ in String(SearchText.fold(sample().surname).prefix(5)) }))
        kinds.append(("nome cognome", (0..<queries).map { _ in
            let p = sample()
            return SearchText.fold(p.name) + " " + SearchText.fold(p.surname)
        }))
        print("ricerca (AppDatabase.searchContacts, un tasto alla volta, \(queries) testi per tipo):")
        for (label, texts) in kinds {
            var samples: [Double] = []
            var cpuSamples: [Double] = []
            var timed: [(ms: Double, cpu: Double, text: String)] = []
            var results = 0
            for text in texts {
                var typed = ""
                for character in text {
                    typed.append(character)
                    if character == " " { continue }
                    let t = clock.now, cpu = Self.processCPUMilliseconds()
                    results += try store.searchContacts(typed, context: context).count
                    samples.append(Self.seconds(clock.now - t) * 1000)
                    cpuSamples.append(Self.processCPUMilliseconds() - cpu)
                    if slowest > 0 { timed.append((samples[samples.count - 1], cpuSamples[cpuSamples.count - 1], typed)) }
                }
            }
            samples.sort()
            cpuSamples.sort()
            func percentile(_ p: Double, of values: [Double]? = nil) -> Double {
                let values = values ?? samples
                return values[min(values.count - 1, Int(Double(values.count) * p))]
            }
            print("  \(label): \(samples.count) ricerche, p50 \(Self.format(percentile(0.5), 3)) ms, p99 \(Self.format(percentile(0.99), 3)) ms, max \(Self.format(samples.last ?? 0, 3)) ms, \(Self.format(Double(results) / Double(max(1, samples.count)), 1)) risultati in media")
            // CPU time of the process during each search: what the search costs, without the
            // time other processes held the cores (the wall-clock p99 of a loaded machine).
            print("    tempo di CPU: p50 \(Self.format(percentile(0.5, of: cpuSamples), 3)) ms, p99 \(Self.format(percentile(0.99, of: cpuSamples), 3)) ms, max \(Self.format(cpuSamples.last ?? 0, 3)) ms")
            for slow in timed.sorted(by: { $0.ms > $1.ms }).prefix(slowest) {
                print("    orologio \(Self.format(slow.ms, 3)) ms (CPU \(Self.format(slow.cpu, 3)) ms)  «\(slow.text)»")
            }
            for slow in timed.sorted(by: { $0.cpu > $1.cpu }).prefix(slowest) {
                print("    CPU \(Self.format(slow.cpu, 3)) ms (orologio \(Self.format(slow.ms, 3)) ms)  «\(slow.text)»")
            }
        }
        let found = try store.searchContacts("niccolo ross", context: context)
        let position = found.firstIndex { $0.facts.name == "Niccolò" && $0.facts.surname == "Rossi" }
        print("«niccolo ross»: \(found.count) risultati; Niccolò Rossi " + (position.map { "in posizione \($0 + 1)" } ?? "NON trovato"))
        try store.close()
    }

    /// CPU time used by the process so far (every thread), in milliseconds.
    static func processCPUMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
