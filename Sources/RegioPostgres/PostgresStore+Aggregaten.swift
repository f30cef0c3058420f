import RegioCore
import RegioStore

/// The bulk paths of the monthly sums on PostgreSQL (the rest is `Somopslag`, written once): the lines and the sums
/// read by column in blocks (`Kolomlezer`), the sums inserted as arrays through unnest.
extension PostgresStore: AggregaatStore, Somopslag {
    public func leesSommen<T>(_ werk: (Verbinding, any SQLVerbinding) throws -> T) throws -> T {
        try leesMomentopname { v in try werk(v, PostgresSQLVerbinding(v: v)) }
    }

    public func schrijfSommen<T>(_ werk: (Verbinding, any SQLVerbinding) throws -> T) throws -> T {
        try schrijfTransactie(.gegevens) { v in try werk(v, PostgresSQLVerbinding(v: v)) }
    }

    public static func verwijzers(_ v: Verbinding) throws -> [String: String] {
        var uit: [String: String] = [:]
        try Kolomlezer.lees(v, tabel: "toewijzing", kolommen: ["toewijzingnummer", "verwijzer_type"]) { w in
            let nr = w[0].tekst ?? ""
            if uit[nr] == nil { uit[nr] = w[1].tekst ?? "" }
        }
        return uit
    }

    public static func somVanRegels(_ v: Verbinding, verwijzers: [String: String]) throws -> Declaratieaggregaten {
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
        return a
    }

    public static func leesDriehoek(_ v: Verbinding) throws -> [Declaratieaggregaten.Driehoeksleutel: Euro] {
        var d: [Declaratieaggregaten.Driehoeksleutel: Euro] = [:]
        try Kolomlezer.lees(v, tabel: "agg_driehoek", kolommen: ["gemeentecode", "productcategorie", "productcode", "dienstmaand",
                                                                "indieningsmaand", "bedrag_cent"]) { w in
            let code = w[2].tekst ?? ""
            d[.init(gemeentecode: w[0].tekst ?? "", productcategorie: w[1].tekst ?? "", productcode: code.isEmpty ? nil : code,
                    dienst: Maand(index: Int(w[3].geheel ?? 0)), indiening: Maand(index: Int(w[4].geheel ?? 0)))] = Euro(centen: w[5].geheel ?? 0)
        }
        return d
    }

    public static func leesToewijzingen(_ v: Verbinding, van: Dag, tot: Dag, _ per: (Toewijzing) throws -> Void) throws {
        let soort = Soort.toewijzingen
        try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.kolommen, lopend: (van, tot)) { try per(Codering.toewijzing($0)) }
    }

    public func gegevensZonderDeclaraties(verzoeken: Bool, toewijzingen: Bool) throws -> Gegevens {
        try leesMomentopname { v in
            var g = Gegevens()
            for soort in Soort.zonderDeclaraties(verzoeken: verzoeken, toewijzingen: toewijzingen) {
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

    public func elkeDeclaratiekost(deel: Int, van delen: Int, _ perRegel: (Declaratiekost) throws -> Void) throws {
        try leesMomentopname { v in
            let volg = PostgresSchema.volgorde
            guard let r = try v.rijen("SELECT min(\(volg)), max(\(volg)) FROM declaratie").first else { return }
            let (l, h) = try r.decode((Int64?, Int64?).self)
            guard let laag = l, let hoog = h else { return }
            let b = rijbereik(deel, van: delen, laag: laag, hoog: hoog)
            try Kolomlezer.lees(v, tabel: "declaratie", kolommen: Codering.kostkolommen, rijnrs: b) { try perRegel(Codering.declaratiekost($0)) }
        }
    }

    /// The records of these kinds whose client is in `b`, in stored order, chosen by the server in byte order (the
    /// server's collation need not be bytes): streaming every row to filter them here cost a pass over the whole table
    /// per part of the signal run.
    public func gegevensZonderControle(_ soorten: [Soort], clienten b: Clientbereik) throws -> Gegevens {
        try leesMomentopname { v in
            var g = Gegevens()
            for soort in soorten {
                try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.kolommen, clienten: b) { Codering.voegToe(soort, $0, aan: &g) }
            }
            return g
        }
    }

    public static func voegSomrijenIn(_ a: Declaratieaggregaten, _ v: Verbinding) throws {
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

    public static func leesSomrijen(_ v: Verbinding, van: Int, tot: Int, perAanbieder: Bool, delen: Somdelen) throws
        -> Declaratieaggregaten {
        var a = Declaratieaggregaten()
        a.perAanbieder = perAanbieder
        let m1 = Maand(jaar: van, maand: 1).index, m2 = Maand(jaar: tot, maand: 12).index
        if delen.contains(.kosten) {
            try Kolomlezer.lees(v, tabel: perAanbieder ? "agg_kosten_aanbieder" : "agg_kosten",
                                kolommen: ["gemeentecode", "productcategorie", "productcode", "verwijzer", "maand", "agb", "bedrag_cent"]) { w in
                let m = Int(w[4].geheel ?? 0)
                guard m >= m1 && m <= m2 else { return }
                let code = w[2].tekst ?? ""
                a.kosten[.init(gemeentecode: w[0].tekst ?? "", productcategorie: w[1].tekst ?? "", productcode: code.isEmpty ? nil : code,
                               agb: w[5].tekst ?? "", verwijzer: w[3].tekst ?? "", maand: Maand(index: m))]
                    = Euro(centen: w[6].geheel ?? 0)
            }
        }
        guard delen.contains(.clienten) else { return a }
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
