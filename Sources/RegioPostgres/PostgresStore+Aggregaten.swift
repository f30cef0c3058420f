import RegioCore
import RegioStore

/// The monthly sums on PostgreSQL: the same tables, stamp and rules as `SQLiteStore+Aggregaten`.
extension PostgresStore: AggregaatStore {
    /// Which data the sums belong to: the newest import and the newest rows (`rijnr` only grows).
    static func stand(_ v: Verbinding) throws -> String {
        let log = try v.geheel("SELECT COALESCE(MAX(id), 0) FROM importlog")
        let d = try v.geheel("SELECT COALESCE(MAX(\(PostgresSchema.volgorde)), 0) FROM declaratie")
        let t = try v.geheel("SELECT COALESCE(MAX(\(PostgresSchema.volgorde)), 0) FROM toewijzing")
        return "\(log)/\(d)/\(t)"
    }

    /// True when the stored sums were built from the data as it is now stored.
    static func actueel(_ v: Verbinding) throws -> Bool {
        try v.rijen("SELECT waarde FROM agg_stand WHERE sleutel = 'stand'").first?.decode(String.self) == stand(v)
    }

    static func verwijzers(_ v: Verbinding) throws -> [String: String] {
        var uit: [String: String] = [:]
        try Kolomlezer.lees(v, tabel: "toewijzing", kolommen: ["toewijzingnummer", "verwijzer_type"]) { w in
            let nr = w[0].tekst ?? ""
            if uit[nr] == nil { uit[nr] = w[1].tekst ?? "" }
        }
        return uit
    }

    public func ververstAggregaten() throws {
        try schrijfTransactie { v in
            let verwijzers = try PostgresStore.verwijzers(v)
            var a = Declaratieaggregaten()
            let kolommen = ["toewijzingnummer", "client", "gemeentecode", "productcategorie", "productcode", "begindatum",
                            "einddatum", "bedrag_cent", "debet_credit", "status", "ingediend_op", "agb"]
            var fout: Gegevensfout?
            try Kolomlezer.lees(v, tabel: "declaratie", kolommen: kolommen) { w in
                guard fout == nil else { return }
                let bedrag = w[7].geheel ?? 0
                let verwijzer = verwijzers[w[0].tekst ?? ""] ?? ""
                do throws(Gegevensfout) {
                    try a.voegToe(client: w[1].tekst ?? "", gemeentecode: w[2].tekst ?? "",
                                  productcategorie: w[3].tekst ?? "", productcode: w[4].tekst, agb: w[11].tekst ?? "",
                                  verwijzer: verwijzer.isEmpty ? Verwijzer.onbekendeSleutel : verwijzer,
                                  van: Dag(opgeslagen: w[5].geheel ?? 0), tot: Dag(opgeslagen: w[6].geheel ?? 0),
                                  ingediend: Dag(opgeslagen: w[10].geheel ?? 0),
                                  kosten: Declaratieaggregaten.kosten(centen: bedrag, credit: w[8].tekst == "C"),
                                  afgewezen: w[9].tekst == DeclaratieStatus.afgewezen.rawValue)
                } catch { fout = error }
            }
            if let fout { throw fout }
            try PostgresStore.schrijf(a, v)
        }
        try ververstBINaSommen()
    }

    public func aggregatenActueel() throws -> Bool {
        try leesMomentopname { v in
            if try PostgresStore.actueel(v) { return true }
            return try v.geheel("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM declaratie LIMIT 1) a) + (SELECT COUNT(*) FROM (SELECT 1 FROM agg_kosten LIMIT 1) b)
                  + (SELECT COUNT(*) FROM (SELECT 1 FROM agg_clienten LIMIT 1) c)
                """) == 0
        }
    }

    public func voegToeAanAggregaten(_ nieuw: Declaratieaggregaten) throws {
        try schrijfTransactie { v in
            var a = try PostgresStore.leesAggregaten(v, van: 0, tot: 9999, perAanbieder: true, driehoek: true)
            // the first sums (a first import) are written as they are: merging would hold them twice
            if a.isLeeg { return try PostgresStore.schrijf(nieuw, v) }
            try a.voegToe(nieuw)
            try PostgresStore.schrijf(a, v)
        }
        try ververstBINaSommen()
    }

    public func verwijzers() throws -> [String: String] {
        try leesMomentopname { try PostgresStore.verwijzers($0) }
    }

    public func aggregaten(jaren: ClosedRange<Int>, perAanbieder: Bool) throws -> Declaratieaggregaten? {
        try leesMomentopname { v in
            guard try PostgresStore.actueel(v) else { return nil }
            let a = try PostgresStore.leesAggregaten(v, van: jaren.lowerBound, tot: jaren.upperBound, perAanbieder: perAanbieder)
            // sums beyond the bounds (built from lines an older version let in) are as good as out of date: the figures
            // then come from the lines, whose check names the line
            return (try? a.controleerGrenzen()) == nil ? nil : a
        }
    }

    public func driehoek() throws -> [Declaratieaggregaten.Driehoeksleutel: Euro]? {
        try leesMomentopname { v in
            guard try PostgresStore.actueel(v) else { return nil }
            let d = try PostgresStore.leesDriehoek(v)
            return (try? Declaratieaggregaten.controleerGrenzen(d)) == nil ? nil : d   // as in `aggregaten`
        }
    }

    static func leesDriehoek(_ v: Verbinding) throws -> [Declaratieaggregaten.Driehoeksleutel: Euro] {
        var d: [Declaratieaggregaten.Driehoeksleutel: Euro] = [:]
        try Kolomlezer.lees(v, tabel: "agg_driehoek", kolommen: ["gemeentecode", "productcategorie", "productcode", "dienstmaand",
                                                                "indieningsmaand", "bedrag_cent"]) { w in
            let code = w[2].tekst ?? ""
            d[.init(gemeentecode: w[0].tekst ?? "", productcategorie: w[1].tekst ?? "", productcode: code.isEmpty ? nil : code,
                    dienst: Maand(index: Int(w[3].geheel ?? 0)), indiening: Maand(index: Int(w[4].geheel ?? 0)))] = Euro(centen: w[5].geheel ?? 0)
        }
        return d
    }

    public func gegevensZonderDeclaraties(verzoeken: Bool) throws -> Gegevens {
        try leesMomentopname { v in
            var g = Gegevens()
            for soort in Soort.allCases where soort != .declaraties && (verzoeken || soort != .verzoeken) {
                try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.kolommen) { Codering.voegToe(soort, $0, aan: &g) }
            }
            try g.controleerGrenzen()
            return g
        }
    }

    /// One client's lines, found by the index on client (a client's page; it read the whole table).
    public func declaraties(client: ClientID) throws -> [Declaratieregel] {
        try leesMomentopname { v in
            var g = Gegevens()
            let soort = Soort.declaraties
            try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.kolommen, gelijk: ("client", client)) { Codering.voegToe(soort, $0, aan: &g) }
            try Gegevens.controleerGrenzen(g.declaraties)
            return g.declaraties
        }
    }

    /// Filtered in Swift while streaming, so only the chosen lines are held (the server's collation need not be bytes).
    public func declaraties(clienten b: Clientbereik) throws -> [Declaratieregel] {
        try declaraties(waar: b.bevat)
    }

    func declaraties(waar client: (ClientID) -> Bool) throws -> [Declaratieregel] {
        try leesMomentopname { v in
            var g = Gegevens()
            let soort = Soort.declaraties
            let i = soort.kolommen.firstIndex(of: "client")!
            try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.kolommen) { w in
                if client(w[i].tekst ?? "") { Codering.voegToe(soort, w, aan: &g) }
            }
            try Gegevens.controleerGrenzen(g.declaraties)
            return g.declaraties
        }
    }

    static func schrijf(_ a: Declaratieaggregaten, _ v: Verbinding) throws {
        precondition(a.perAanbieder)
        try v.rijen("DELETE FROM agg_kosten")
        try v.rijen("DELETE FROM agg_kosten_aanbieder")
        try v.rijen("DELETE FROM agg_clienten")
        try v.rijen("DELETE FROM agg_driehoek")
        for (tabel, kosten) in [("agg_kosten_aanbieder", a.kosten), ("agg_kosten", try a.zonderAanbieders().kosten)] {
            let rijen = kosten.map { k, e -> [Waarde] in
                [.tekst(k.gemeentecode), .tekst(k.productcategorie), .tekst(k.productcode ?? ""), .tekst(k.verwijzer),
                 .geheel(Int64(k.maand.index)), .tekst(k.agb), .geheel(e.centen)]
            }
            try voegIn(rijen, v, """
                INSERT INTO \(tabel) (gemeentecode, productcategorie, productcode, verwijzer, maand, agb, bedrag_cent)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[])
                """)
        }
        let clienten = a.clienten.map { c, som -> [Waarde] in
            [.tekst(c.client), .tekst(c.gemeentecode), .tekst(c.productcategorie), .tekst(c.productcode ?? ""), .geheel(Int64(c.jaar)),
             .tekst(c.agb), .tekst(c.verwijzer), .geheel(Int64(som.maanden)), .geheel(som.bedrag.centen)]
        }
        try voegIn(clienten, v, """
            INSERT INTO agg_clienten (client, gemeentecode, productcategorie, productcode, jaar, agb, verwijzer, maanden, bedrag_cent)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::bigint[],
                                 $9::bigint[])
            """)
        let driehoek = a.driehoek.map { k, e -> [Waarde] in
            [.tekst(k.gemeentecode), .tekst(k.productcategorie), .tekst(k.productcode ?? ""), .geheel(Int64(k.dienst.index)),
             .geheel(Int64(k.indiening.index)), .geheel(e.centen)]
        }
        try voegIn(driehoek, v, """
            INSERT INTO agg_driehoek (gemeentecode, productcategorie, productcode, dienstmaand, indieningsmaand, bedrag_cent)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])
            """)
        try v.rijen("DELETE FROM agg_stand")
        if let d = a.laatsteIndiening {
            try v.rijen("INSERT INTO agg_stand (sleutel, waarde) VALUES ('laatste_indiening', $1)", [d.description])
        }
        try v.rijen("INSERT INTO agg_stand (sleutel, waarde) VALUES ('stand', $1)", [try stand(v)])
    }

    /// Rows in batches, each column as one array.
    static func voegIn(_ rijen: [[Waarde]], _ v: Verbinding, _ sql: String) throws {
        var begin = 0
        while begin < rijen.count {
            let deel = rijen[begin..<min(rijen.count, begin + PostgresSchrijver.partij)]
            try v.rijen(sql, (0..<deel.first!.count).map { i in PostgresReeks.tekst(deel.map { $0[i] }) })
            begin += deel.count
        }
    }

    static func leesAggregaten(_ v: Verbinding, van: Int, tot: Int, perAanbieder: Bool, driehoek: Bool = false) throws -> Declaratieaggregaten {
        var a = Declaratieaggregaten()
        a.perAanbieder = perAanbieder
        if driehoek { a.driehoek = try leesDriehoek(v) }
        a.laatsteIndiening = try v.rijen("SELECT waarde FROM agg_stand WHERE sleutel = 'laatste_indiening'").first
            .flatMap { Dag.parse(try $0.decode(String.self)) }
        let m1 = Maand(jaar: van, maand: 1).index, m2 = Maand(jaar: tot, maand: 12).index
        try Kolomlezer.lees(v, tabel: perAanbieder ? "agg_kosten_aanbieder" : "agg_kosten", kolommen: ["gemeentecode", "productcategorie", "productcode", "verwijzer", "maand",
                                                              "agb", "bedrag_cent"]) { w in
            let m = Int(w[4].geheel ?? 0)
            guard m >= m1 && m <= m2 else { return }
            let code = w[2].tekst ?? ""
            a.kosten[.init(gemeentecode: w[0].tekst ?? "", productcategorie: w[1].tekst ?? "", productcode: code.isEmpty ? nil : code,
                           agb: w[5].tekst ?? "", verwijzer: w[3].tekst ?? "", maand: Maand(index: m))]
                = Euro(centen: w[6].geheel ?? 0)
        }
        try Kolomlezer.lees(v, tabel: "agg_clienten", kolommen: ["client", "gemeentecode", "productcategorie", "productcode", "jaar",
                                                                "agb", "verwijzer", "maanden", "bedrag_cent"]) { w in
            let jaar = Int(w[4].geheel ?? 0)
            guard jaar >= van && jaar <= tot else { return }
            let code = w[3].tekst ?? ""
            a.clienten[.init(client: w[0].tekst ?? "", gemeentecode: w[1].tekst ?? "", productcategorie: w[2].tekst ?? "",
                             productcode: code.isEmpty ? nil : code, agb: w[5].tekst ?? "", verwijzer: w[6].tekst ?? "", jaar: jaar)]
                = .init(bedrag: Euro(centen: w[8].geheel ?? 0), maanden: UInt16(truncatingIfNeeded: w[7].geheel ?? 0))
        }
        return a
    }
}
