import GRDB
import RegioCore

extension SQLiteStore: PeriodeStore {
    public func gegevens(declaratiesVan van: Dag, tot: Dag) throws -> Gegevens {
        try db.read { db in
            var g = Gegevens()
            for soort in Soort.allCases {
                let kolommen = soort.kolommen.joined(separator: ", ")
                var sql = "SELECT \(kolommen) FROM \(soort.tabel)"
                var argumenten: StatementArguments = []
                if soort == .declaraties {
                    sql += " WHERE einddatum >= ? AND begindatum <= ?"
                    argumenten = [Int64(van.dagnummer), Int64(tot.dagnummer)]
                }
                let rows = try Row.fetchCursor(db, sql: sql + " ORDER BY rowid", arguments: argumenten)
                let n = soort.kolommen.count
                while let row = try rows.next() {
                    var w: [Waarde] = []
                    w.reserveCapacity(n)
                    for i in 0..<n { w.append(SQLiteStore.waarde(row[i] as DatabaseValue)) }
                    Codering.voegToe(soort, w, aan: &g)
                }
            }
            return g
        }
    }
}
