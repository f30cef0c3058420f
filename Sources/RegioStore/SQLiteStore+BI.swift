import GRDB
import RegioCore

extension SQLiteStore: BIStore {
    public func schrijfBI(_ feiten: BIFeiten, stand: String) throws {
        try db.write { db in
            for t in Self.biTabellen(feiten) {
                try db.execute(sql: BITabel.wissen(t.naam, voor: feiten))
                let s = try db.makeStatement(sql: t.insert + " VALUES (" + Array(repeating: "?", count: t.kolommen.count).joined(separator: ", ") + ")")
                // every row ends in a whole number: the binder's last argument
                for i in 0..<t.aantal {
                    let r = t.rij(i)
                    try s.voerUit(Array(r.dropLast()), r.last?.geheel ?? 0, db)
                }
            }
            try db.execute(sql: "DELETE FROM bi_t_stand")
            for r in BITabel.stand(stand, feiten) {
                try db.execute(sql: "INSERT INTO bi_t_stand (sleutel, waarde) VALUES (?, ?)", arguments: [r.sleutel, r.waarde])
            }
        }
    }
}
