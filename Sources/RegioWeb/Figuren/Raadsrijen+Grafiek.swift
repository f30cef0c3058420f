import RegioCore
import RegioWeergave

extension Paginagrafiek {
    /// Bars of cost against budget per row of a table, hidden rows without a bar.
    static func items(_ r: Raadsrijen) -> [(label: String, waarde: Double?, referentie: Double?)] {
        r.rijen.indices.map { i in (r.rijen[i].naam, r.status[i].isVerborgen ? nil : r.rijen[i].gedeclareerd.alsDouble, r.rijen[i].budget?.alsDouble) }
    }
}
