import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui contacts merges [--json]`: the merges of duplicate records, newest first.
struct ContactsMergesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merges",
        abstract: "Elenca le unioni di contatti doppi (chi ha unito cosa e quando).")

    @OptionGroup var homeOptions: HomeOptions
    @OptionGroup var access: ContactsAccessOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    struct Row: Encodable {
        let id: Int64
        let keptID: String
        let mergedID: String
        let reasons: [String]
        let `operator`: String
        let station: String
        let purpose: String
        let at: String

        enum CodingKeys: String, CodingKey {
            case id, reasons, `operator`, station, purpose, at
            case keptID = "kept_id", mergedID = "merged_id"
        }
    }

    func run() async throws {
        let station = try ContactsCommandSupport.openStation(homeOptions)
        defer { station.close() }
        let context = try access.context(for: station)
        let merges = try ContactsCommandSupport.run { try station.store.contactMerges(context: context) }
        if json {
            try ContactsCommandSupport.printJSON(merges.map {
                Row(id: $0.id, keptID: $0.keptID.rawValue, mergedID: $0.mergedID.rawValue, reasons: $0.reasons,
                    operator: $0.operatorUsername, station: $0.stationID, purpose: $0.purpose,
                    at: ContactsCommandSupport.iso($0.at))
            })
            return
        }
        guard !merges.isEmpty else {
            print("nessuna unione registrata")
            return
        }
        for merge in merges {
            let reasons = merge.reasons.isEmpty ? "scelta dell'operatore" : merge.reasons.joined(separator: "; ")
            print("\(ContactsCommandSupport.localTime(merge.at))\t\(merge.mergedID) → \(merge.keptID)\t\(merge.operatorUsername)@\(merge.stationID)\t\(reasons)")
        }
    }
}
