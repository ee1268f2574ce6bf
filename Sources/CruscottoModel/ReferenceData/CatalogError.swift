/// Why a procedure catalog was refused.
public enum CatalogError: Error, Equatable, CustomStringConvertible {
    case unknownArea(procedure: String, area: String)
    case duplicateProcedure(String)

    public var description: String {
        switch self {
        case .unknownArea(let procedure, let area):
            return "La procedura \(procedure) indica l'area \(area), che non è nel catalogo."
        case .duplicateProcedure(let code):
            return "La procedura \(code) compare più volte nel catalogo."
        }
    }
}
