import GRDB

extension SQLiteStore: WijzigingStore {
    public func wijzigingsstand() throws -> Wijzigingsstand {
        try db.read { db in
            var s = Wijzigingsstand(gegevens: 0, signalen: 0)
            for r in try Row.fetchAll(db, sql: "SELECT soort, teller FROM wijziging") {
                switch Wijzigingssoort(rawValue: r[0]) {
                case .gegevens: s.gegevens = r[1]
                case .signalen: s.signalen = r[1]
                case nil: break
                }
            }
            return s
        }
    }

    /// A write of registered data or of signals: `werk` and the raise of its counter, in one transaction.
    func schrijf<T>(_ soort: Wijzigingssoort, _ werk: (GRDB.Database) throws -> T) throws -> T {
        try db.write { db in
            let uitkomst = try werk(db)
            try db.execute(sql: Schemadefinitie.verhoog("?"), arguments: [soort.rawValue])
            return uitkomst
        }
    }
}
