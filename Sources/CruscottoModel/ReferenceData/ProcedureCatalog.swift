import Foundation

/// The default catalog of counter procedures (schede prodotto) compiled into the program,
/// decoded once on first use. An office's own catalog lives in the central database; this is
/// what a new one starts from.
public struct ProcedureCatalog: Sendable, Equatable {
    public let source: String
    public let areas: [CatalogArea]
    public let procedures: [CatalogProcedure]

    /// The embedded default catalog (the tests check that it decodes).
    public static let shared: ProcedureCatalog = (try? ProcedureCatalog(json: ProcedureCatalogData.text))
        ?? ProcedureCatalog(source: "", areas: [], procedures: [])

    public init(source: String, areas: [CatalogArea], procedures: [CatalogProcedure]) {
        self.source = source
        self.areas = areas
        self.procedures = procedures
    }

    /// Decodes the catalog JSON; throws on a malformed file or a procedure in an unknown area.
    public init(json: String) throws {
        let file = try JSONDecoder().decode(CatalogFile.self, from: Data(json.utf8))
        let areaCodes = Set(file.areas.map(\.code))
        if let orphan = file.procedures.first(where: { !areaCodes.contains($0.area) }) {
            throw CatalogError.unknownArea(procedure: orphan.code, area: orphan.area)
        }
        var seen = Set<String>()
        for procedure in file.procedures where !seen.insert(procedure.code).inserted {
            throw CatalogError.duplicateProcedure(procedure.code)
        }
        self.init(source: file.source, areas: file.areas, procedures: file.procedures)
    }

    public func procedure(code: String) -> CatalogProcedure? {
        procedures.first { $0.code == code }
    }

    public func procedures(inArea area: String) -> [CatalogProcedure] {
        procedures.filter { $0.area == area }
    }

    private struct CatalogFile: Decodable {
        let source: String
        let areas: [CatalogArea]
        let procedures: [CatalogProcedure]
    }
}
