import GRDB
import RegioCore

extension SQLiteStore: BIStore {
    public func schrijfBI(_ feiten: BIFeiten, stand: String) throws {
        let rijen = Self.biRijen(feiten), sql = Self.biInserts
        try db.write { db in
            for (tabel, insert, lijst, n) in [("bi_t_maand", sql.maand, rijen.maand, 7), ("bi_t_jaar", sql.jaar, rijen.jaar, 9),
                                              ("bi_t_clienten", sql.clienten, rijen.clienten, 3)] {
                try db.execute(sql: "DELETE FROM \(tabel)")
                let s = try db.makeStatement(sql: insert + " (" + Array(repeating: "?", count: n).joined(separator: ", ") + ")")
                // every row ends in a whole number: the binder's last argument
                for r in lijst { try s.voerUit(Array(r.dropLast()), r.last?.geheel ?? 0, db) }
            }
            try db.execute(sql: "DELETE FROM bi_t_stand")
            try db.execute(sql: "INSERT INTO bi_t_stand (sleutel, waarde) VALUES ('stand', ?)", arguments: [stand])
        }
    }
}
