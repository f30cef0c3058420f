import GRDB
import GRDBSQLite
import RegioCore

/// The bulk paths of the monthly sums on SQLite (the rest is `Somopslag`, written once): the lines and the sums read
/// by column through SQLite's C API, the sums inserted through prepared statements.
extension SQLiteStore: AggregaatStore, Somopslag {
    public func leesSommen<T>(_ werk: (GRDB.Database, any SQLVerbinding) throws -> T) throws -> T {
        try db.read { db in try werk(db, SQLiteVerbinding(db: db)) }
    }

    public func schrijfSommen<T>(_ werk: (GRDB.Database, any SQLVerbinding) throws -> T) throws -> T {
        try schrijfGRDB(.gegevens) { db in try werk(db, SQLiteVerbinding(db: db)) }
    }

    public static func somVanRegels(_ db: GRDB.Database, verwijzers: [String: String]) throws -> Declaratieaggregaten {
        var a = Declaratieaggregaten()
        let sql = """
            SELECT toewijzingnummer, client, gemeentecode, productcategorie, productcode, agb, begindatum, einddatum,
              bedrag_cent, debet_credit, ingediend_op, status FROM declaratie ORDER BY rowid
            """
        try elkeRij(db, sql) { s in
            let v = verwijzers[tekst(s, 0) ?? ""] ?? ""
            let bedrag = sqlite3_column_int64(s, 8)
            try a.voegToe(client: tekst(s, 1) ?? "", gemeentecode: tekst(s, 2) ?? "",
                          productcategorie: tekst(s, 3) ?? "", productcode: tekst(s, 4),
                          agb: tekst(s, 5) ?? "", verwijzer: v.isEmpty ? Verwijzer.onbekendeSleutel : v,
                          van: Dag(opgeslagen: sqlite3_column_int64(s, 6)), tot: Dag(opgeslagen: sqlite3_column_int64(s, 7)),
                          ingediend: Dag(opgeslagen: sqlite3_column_int64(s, 10)),
                          kosten: Declaratieaggregaten.kosten(centen: bedrag, credit: tekst(s, 9) == "C"),
                          afgewezen: tekst(s, 11) == DeclaratieStatus.afgewezen.rawValue)
        }
        return a
    }

    public static func verwijzers(_ db: GRDB.Database) throws -> [String: String] {
        var v: [String: String] = [:]
        try elkeRij(db, "SELECT toewijzingnummer, verwijzer_type FROM toewijzing ORDER BY rowid") { s in
            let nr = tekst(s, 0) ?? ""
            if v[nr] == nil { v[nr] = tekst(s, 1) ?? "" }
        }
        return v
    }

    public static func voegSomrijenIn(_ a: Declaratieaggregaten, _ db: GRDB.Database) throws {
        for (tabel, kosten) in [("agg_kosten_aanbieder", a.kosten), ("agg_kosten", try a.zonderAanbieders().kosten)] {
            let k = try db.makeStatement(sql: "INSERT INTO \(tabel) (gemeentecode, productcategorie, productcode, verwijzer, maand, agb, bedrag_cent) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (s, bedrag) in kosten.sorted(by: { $0.key.schrijfvolgorde < $1.key.schrijfvolgorde }) {
                try k.voerUit([.tekst(s.gemeentecode), .tekst(s.productcategorie), .tekst(s.productcode ?? ""), .tekst(s.verwijzer),
                               .geheel(Int64(s.maand.index)), .tekst(s.agb)], bedrag.centen, db)
            }
        }
        let c = try db.makeStatement(sql: "INSERT INTO agg_clienten (client, gemeentecode, productcategorie, productcode, jaar, agb, verwijzer, maanden, bedrag_cent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (r, som) in a.clienten.sorted(by: { $0.key.schrijfvolgorde < $1.key.schrijfvolgorde }) {
            try c.voerUit([.tekst(r.client), .tekst(r.gemeentecode), .tekst(r.productcategorie), .tekst(r.productcode ?? ""),
                           .geheel(Int64(r.jaar)), .tekst(r.agb), .tekst(r.verwijzer), .geheel(Int64(som.maanden))], som.bedrag.centen, db)
        }
        let d = try db.makeStatement(sql: "INSERT INTO agg_driehoek VALUES (?, ?, ?, ?, ?, ?)")
        for (s, bedrag) in a.driehoek {
            try d.voerUit([.tekst(s.gemeentecode), .tekst(s.productcategorie), .tekst(s.productcode ?? ""),
                           .geheel(Int64(s.dienst.index)), .geheel(Int64(s.indiening.index))], bedrag.centen, db)
        }
    }

    public static func leesSomrijen(_ db: GRDB.Database, van: Int, tot: Int, perAanbieder: Bool, delen: Somdelen) throws
        -> Declaratieaggregaten {
        var a = Declaratieaggregaten()
        a.perAanbieder = perAanbieder
        let kostentabel = perAanbieder ? "agg_kosten_aanbieder" : "agg_kosten"
        let m1 = Maand(jaar: van, maand: 1).index, m2 = Maand(jaar: tot, maand: 12).index
        let bereik = "WHERE jaar BETWEEN \(van) AND \(tot)"
        let clientjaren = delen.contains(.clienten) ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agg_clienten \(bereik)") ?? 0 : 0
        var codes = Tekstcodes(ruimte: clientjaren)   // most client-years bring a client of their own
        func code(_ s: OpaquePointer, _ i: Int32) -> Tekstcode {
            guard let p = sqlite3_column_text(s, i) else { return codes.code("") }
            return codes.code(p, Int(sqlite3_column_bytes(s, i)), kolom: Int(i))
        }
        func productcode(_ s: OpaquePointer, _ i: Int32) -> Tekstcode {
            sqlite3_column_bytes(s, i) == 0 ? .geen : code(s, i)
        }
        if delen.contains(.kosten) {
            try elkeRij(db, "SELECT gemeentecode, productcategorie, productcode, verwijzer, maand, agb, bedrag_cent FROM \(kostentabel)"
                            + " WHERE maand BETWEEN \(m1) AND \(m2)") { s in
                a.kosten[.init(gemeente: code(s, 0), categorie: code(s, 1), code: productcode(s, 2), agb: code(s, 5), verwijzer: code(s, 3),
                               maand: Maand(index: Int(sqlite3_column_int64(s, 4))))]
                    = Euro(centen: sqlite3_column_int64(s, 6))
            }
        }
        guard delen.contains(.clienten) else { return a }
        a.clienten.reserveCapacity(clientjaren)
        try elkeRij(db, "SELECT client, gemeentecode, productcategorie, productcode, jaar, agb, verwijzer, maanden, bedrag_cent FROM agg_clienten \(bereik)") { s in
            a.clienten[.init(client: code(s, 0), gemeente: code(s, 1), categorie: code(s, 2), code: productcode(s, 3), agb: code(s, 5),
                             verwijzer: code(s, 6), jaar: Int(sqlite3_column_int64(s, 4)))]
                = .init(bedrag: Euro(centen: sqlite3_column_int64(s, 8)), maanden: UInt16(truncatingIfNeeded: sqlite3_column_int64(s, 7)))
        }
        return a
    }

    public static func leesDriehoek(_ db: GRDB.Database) throws -> [Declaratieaggregaten.Driehoeksleutel: Euro] {
        var d: [Declaratieaggregaten.Driehoeksleutel: Euro] = [:]
        try elkeRij(db, "SELECT gemeentecode, productcategorie, productcode, dienstmaand, indieningsmaand, bedrag_cent FROM agg_driehoek") { s in
            let code = tekst(s, 2) ?? ""
            d[.init(gemeentecode: tekst(s, 0) ?? "", productcategorie: tekst(s, 1) ?? "", productcode: code.isEmpty ? nil : code,
                    dienst: Maand(index: Int(sqlite3_column_int64(s, 3))), indiening: Maand(index: Int(sqlite3_column_int64(s, 4))))]
                = Euro(centen: sqlite3_column_int64(s, 5))
        }
        return d
    }

    public static func leesToewijzingen(_ db: GRDB.Database, van: Dag, tot: Dag, _ per: (Toewijzing) throws -> Void) throws {
        let soort = Soort.toewijzingen
        var velden = Kolommen(soort)
        let sql = "SELECT \(soort.kolommen.joined(separator: ", ")) FROM \(soort.tabel) WHERE \(Soort.lopendIn(tot: "?", van: "?"))"
            + " ORDER BY rowid"
        try elkeRij(db, sql, argumenten: [Int64(tot.dagnummer), Int64(van.dagnummer)]) { s in
            velden.begin(s)
            try per(Codering.toewijzing(&velden))
        }
    }

    public func gegevensZonderDeclaraties(verzoeken: Bool, toewijzingen: Bool) throws -> Gegevens {
        try db.read { db in
            var g = Gegevens()
            for soort in Soort.zonderDeclaraties(verzoeken: verzoeken, toewijzingen: toewijzingen) {
                try SQLiteStore.lees(soort, db, in: &g)
            }
            try g.controleerGrenzen()
            return g
        }
    }

    public func declaraties(client: ClientID) throws -> [Declaratieregel] {
        try db.read { db in
            var g = Gegevens()
            try SQLiteStore.lees(.declaraties, db, waar: "WHERE client = ?", argumenten: [client], in: &g)
            try Gegevens.controleerGrenzen(g.declaraties)
            return g.declaraties
        }
    }

    public func elkeDeclaratiekost(deel: Int, van delen: Int, _ perRegel: (Declaratiekost) throws -> Void) throws {
        try db.read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT MIN(rowid), MAX(rowid) FROM declaratie"),
                  let laag = r[0] as Int64?, let hoog = r[1] as Int64? else { return }
            let b = rijbereik(deel, van: delen, laag: laag, hoog: hoog)
            let grenzen = [b.van.map { ("rowid >= ?", $0) }, b.tot.map { ("rowid < ?", $0) }].compactMap { $0 }
            var velden = Kolommen(Codering.kostkolommen)
            // by rowid ranges: each part a stretch of the table read in order, not the client index's jumps
            try SQLiteStore.elkeRij(db, "SELECT \(Codering.kostkolommen.joined(separator: ", ")) FROM declaratie"
                                        + (grenzen.isEmpty ? "" : " WHERE " + grenzen.map(\.0).joined(separator: " AND ")),
                                    argumenten: StatementArguments(grenzen.map(\.1))) { s in
                velden.begin(s)
                try perRegel(Codering.declaratiekost(&velden))
            }
        }
    }

    /// The records of these kinds whose client is in `b`, in stored order (the index on client where there is one).
    public func gegevensZonderControle(_ soorten: [Soort], clienten b: Clientbereik) throws -> Gegevens {
        try db.read { db in
            var g = Gegevens()
            let grenzen = [b.van.map { ("client >= ?", $0) }, b.tot.map { ("client < ?", $0) }].compactMap { $0 }
            for soort in soorten {
                try SQLiteStore.lees(soort, db, waar: grenzen.isEmpty ? "" : "WHERE " + grenzen.map(\.0).joined(separator: " AND "),
                                     argumenten: StatementArguments(grenzen.map(\.1)), tellen: true, in: &g)
            }
            return g
        }
    }
}
