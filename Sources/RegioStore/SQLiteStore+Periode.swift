import GRDB
import RegioCore

extension SQLiteStore: PeriodeStore {
    public func gegevens(declaratiesVan van: Dag, tot: Dag) throws -> Gegevens {
        try db.read { db in
            var g = Gegevens()
            for soort in Soort.allCases where soort != .declaraties { try SQLiteStore.lees(soort, db, in: &g) }
            try SQLiteStore.lees(.declaraties, db, waar: "WHERE einddatum >= ? AND begindatum <= ?",
                                 argumenten: [Int64(van.dagnummer), Int64(tot.dagnummer)], in: &g)
            try g.controleerGrenzen()
            return g
        }
    }
}
