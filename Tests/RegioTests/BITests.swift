import Foundation
import Testing
import RegioCore
@testable import RegioImport
@testable import RegioPostgres
@testable import RegioStore
import RegioUitvoer
import GRDB
import PostgresNIO

/// The reporting views (issue 25 point 3) on both databases: a region worked by hand, the same totals as the figures,
/// and on PostgreSQL a role that reads the views and nothing else.
@Suite struct BITests {
    /// Two municipalities, one allocation each:
    /// - T1: client C1 in 0001, lot AMB (45A04, tariff 100,00), 10 units a month from 01-01-2019 to 31-03-2019: commitment
    ///   1.000,00 in each of the three months, 3.000,00 in the year; declared 1.000,00 in January and 800,00 in February.
    /// - T2: client C2 in 0002, lot VER (45A05), a budget of 300,00 for 16-06-2019 to 15-07-2019 (30 days): 150,00 in June
    ///   (15 days) and 150,00 in July; one line of 300,00 over the same days, so 150,00 cost in each month.
    static func handregio(_ store: any Opslag) throws {
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 9, count: 32)))
        for (naam, tekst) in [("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n0002,Beestad\n"),
                              ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,A,nee\nVER,Verblijf,V,ja\n"),
                              ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n45A05,45,VER,50\n"),
                              ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n75000002,Huis BV\n"),
                              ("toewijzingen.csv", "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,budget,toewijzingsdatum\n"
                                + "T1,C1,0001,75000001,45,45A04,2019-01-01,2019-03-31,10,04,4,,2019-01-01\n"
                                + "T2,C2,0002,75000002,45,45A05,2019-06-16,2019-07-15,,,,300,2019-06-01\n"),
                              ("declaraties.csv", "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op\n"
                                + "D1,R1,T1,C1,0001,75000001,45,45A04,2019-01-01,2019-01-31,1000.00,2019-02-05\n"
                                + "D2,R2,T1,C1,0001,75000001,45,45A04,2019-02-01,2019-02-28,800.00,2019-03-05\n"
                                + "D3,R3,T2,C2,0002,75000002,45,45A05,2019-06-16,2019-07-15,300.00,2019-08-01\n")] {
            let v = importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2019-09-01T00:00:00Z")
            #expect(v.fouten.isEmpty, "\(naam): \(v.fouten)")
        }
        // as after every import of several files on the command line and in the dashboard: the sums, then the BI facts
        importeur.werkAggregatenBij()
    }

    /// The views read with plain SQL through each backend: rows as text.
    static func lees(_ store: any Opslag, _ sql: String) throws -> [[String]] {
        if let s = store as? SQLiteStore {
            return try s.db.read { db in
                try Row.fetchAll(db, sql: sql).map { r in r.databaseValues.map { $0.isNull ? "" : "\($0.storage.value ?? "")" } }
            }
        }
        let pg = try #require(store as? PostgresStore)
        return try pg.pool.metVerbinding { v in
            // binary results: whole numbers, SUM's numeric, texts
            try v.rijen(sql).map { r in
                r.map { c in
                    guard c.bytes != nil else { return "" }
                    if let i = try? c.decode(Int64.self) { return String(i) }
                    if let d = try? c.decode(Decimal.self) { return "\(d)" }
                    return (try? c.decode(String.self)) ?? "?"
                }
            }
        }
    }

    @Test(arguments: Backend.alle)
    func viewsVanDeHandregio(_ backend: Backend) throws {
        let p = try backend.maak()
        try Self.handregio(p.store)
        let maand = try Self.lees(p.store, """
            SELECT maandcode, gemeentecode, perceel, agb, kosten_cent, verplichting_cent FROM bi_feit_maand WHERE jaar = 2019
            ORDER BY maandcode, gemeentecode
            """)
        #expect(maand == [["2019-01", "0001", "AMB", "75000001", "100000", "100000"],
                          ["2019-02", "0001", "AMB", "75000001", "80000", "100000"],
                          ["2019-03", "0001", "AMB", "75000001", "0", "100000"],
                          ["2019-06", "0002", "VER", "75000002", "15000", "15000"],
                          ["2019-07", "0002", "VER", "75000002", "15000", "15000"]])
        let jaar = try Self.lees(p.store, """
            SELECT gemeentecode, perceel, kosten_cent, verplichting_cent, toewijzingen, clienten_uniek_in_cel FROM bi_feit_jaar
            WHERE jaar = 2019 ORDER BY gemeentecode
            """)
        #expect(jaar == [["0001", "AMB", "180000", "300000", "1", "1"], ["0002", "VER", "30000", "30000", "1", "1"]])
        #expect(try Self.lees(p.store, "SELECT clienten_uniek FROM bi_clienten_regio WHERE jaar = 2019") == [["2"]])
        #expect(try Self.lees(p.store, "SELECT gemeentecode, gemeentenaam FROM bi_dim_gemeente ORDER BY 1") == [["0001", "Aadorp"], ["0002", "Beestad"]])
        #expect(try Self.lees(p.store, "SELECT maandcode, kwartaal FROM bi_dim_maand WHERE jaar = 2019 ORDER BY 1").map { $0[1] } == ["1", "1", "1", "2", "3"])
        // the same as the figures of the year, per municipality
        let g = try p.store.gegevens()
        let (rijen, _) = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: 2019), tot: Dag.laatsteVan(jaar: 2019), per: .gemeente)
        for r in rijen {
            let bi = try Self.lees(p.store, """
                SELECT SUM(kosten_cent), SUM(verplichting_cent), SUM(toewijzingen) FROM bi_feit_jaar WHERE jaar = 2019 AND gemeentecode = '\(r.groep)'
                """)
            #expect(bi == [[String(r.gedeclareerd.centen), String(r.verplichting.centen), String(r.toewijzingen)]], "\(r.groep)")
        }
        // a new line (a credit of 100,00 in February) and the views follow the import
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 9, count: 32)))
        let v = importeur.importeer(bestand: "declaraties-2.csv", bytes: Array(("declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,debet_credit,ingediend_op\n"
            + "D4,R4,T1,C1,0001,75000001,45,45A04,2019-02-01,2019-02-28,100.00,C,2019-03-20\n").utf8), nu: "2019-09-02T00:00:00Z")
        #expect(v.fouten.isEmpty, "\(v.fouten)")
        importeur.werkAggregatenBij()
        #expect(try Self.lees(p.store, "SELECT kosten_cent FROM bi_feit_maand WHERE maandcode = '2019-02'") == [["70000"]])
    }

    /// PostgreSQL: `gebruiker bi-rol` makes a login role that reads the views, not the tables, not the client-level view
    /// (unless asked), and cannot write.
    @Test(.enabled(if: Backend.alle.contains(.postgres)))
    func rolLeestAlleenDeViews() throws {
        let p = try Backend.postgres.maak()
        try Self.handregio(p.store)
        let pg = try #require(p.store as? PostgresStore)
        let rol = "bi_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        defer {
            _ = try? pg.pool.metVerbinding { v in
                try v.rijen("DROP OWNED BY \(rol)")
                try v.rijen("DROP ROLE IF EXISTS \(rol)")
            }
        }
        try pg.maakBIRol(naam: String(rol), wachtwoord: "geheim-wachtwoord-1", clientniveau: false)
        // the test server trusts local logins: connect as the role, on the same schema
        var adres = pg.adres
        adres.gebruiker = String(rol)
        adres.wachtwoord = nil
        let alsRol = try Verbindingspool(adres: adres)
        func mag(_ sql: String) -> Bool { (try? alsRol.metVerbinding { try $0.rijen(sql) }) != nil }
        #expect(mag("SELECT SUM(kosten_cent) FROM bi_feit_jaar"))
        #expect(try alsRol.metVerbinding { try $0.geheel("SELECT SUM(kosten_cent)::bigint FROM bi_feit_jaar") } == 210000)
        #expect(mag("SELECT * FROM bi_dim_perceel"))
        #expect(!mag("SELECT * FROM declaratie"), "tabellen zijn niet leesbaar")
        #expect(!mag("SELECT * FROM gebruiker"))
        #expect(!mag("SELECT * FROM bi_clientjaar"), "geen pseudoniemen zonder --clientniveau")
        #expect(!mag("CREATE TABLE x (a INT)"))
        // with client level: the pseudonyms view too; running it again changes the password and rights, not the role
        try pg.maakBIRol(naam: String(rol), wachtwoord: "ander-wachtwoord-2", clientniveau: true)
        #expect(mag("SELECT * FROM bi_clientjaar"))
        #expect(!mag("SELECT * FROM declaratie"))
        #expect(throws: (any Error).self) { try pg.maakBIRol(naam: "Robert'); DROP TABLE x;--", wachtwoord: "x", clientniveau: false) }
    }

    /// `export`'s tables are the views' facts: the months add up to the year, and the year to the figures.
    @Test func exportTeltOpTotDeCijfers() throws {
        let p = try Backend.sqlite.maak()
        try Self.handregio(p.store)
        let a = p.store
        let feiten = BIFeiten(try a.gegevensZonderDeclaraties(), sommen: try #require(try a.aggregaten(jaren: 1...9999, perAanbieder: true)))
        let tabellen = BIExport.tabellen(feiten, try p.store.gegevens(), jaar: 2019)
        #expect(tabellen.map(\.naam) == ["feit_maand", "feit_jaar", "clienten_gemeente", "clienten_regio", "dim_gemeente", "dim_perceel",
                                         "dim_aanbieder", "dim_product", "dim_maand"])
        let maand = try #require(tabellen.first { $0.naam == "feit_maand" }).tabel
        let k = try #require(maand.kolommen.firstIndex { $0.naam == "kosten_euro" })
        #expect(maand.rijen.map { $0[k].machine } == ["1000.00", "800.00", "0.00", "150.00", "150.00"])
        #expect(maand.csv().hasPrefix("jaar,maand,maandcode,gemeentecode,perceel,agb,kosten_euro,verplichting_euro\n2019,1,2019-01,0001,AMB,75000001,1000.00,1000.00\n"))
        // the store's facts (allocations read one by one, as `export` and the BI tables take them) are the same tables
        let gestroomd = try a.biFeiten(sommen: try #require(try a.aggregaten(jaren: 1...9999, perAanbieder: true)))
        #expect(BIExport.tabellen(gestroomd, try p.store.gegevens(), jaar: 2019).map { $0.tabel.csv() } == tabellen.map { $0.tabel.csv() })
    }

    /// The BI facts read, for each year, only the allocations that ran in it (a national database holds eleven years of
    /// allocations, and read all 930,000 eleven times): one over the turn of the year, one with an open end, one of a
    /// single year and one of a later month, each found in exactly the years it ran in; and the facts of the streamed
    /// allocations equal those of all allocations held.
    @Test(arguments: Backend.alle) func toewijzingenPerJaarGelezen(_ backend: Backend) throws {
        let p = try backend.maak()
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 9, count: 32)))
        for (naam, tekst) in [("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n"),
                              ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,A,nee\n"),
                              ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n"),
                              ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n"),
                              ("toewijzingen.csv", "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,"
                                + "ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum\n"
                                + "T1,C1,0001,75000001,45,45A04,2018-12-01,2019-01-31,10,04,4,2018-11-20\n"
                                + "T2,C2,0001,75000001,45,45A04,2019-06-01,,10,04,4,2019-05-20\n"
                                + "T3,C3,0001,75000001,45,45A04,2017-01-01,2017-12-31,10,04,4,2016-12-20\n"
                                + "T4,C4,0001,75000001,45,45A04,2020-03-01,2020-03-31,10,04,4,2020-02-20\n")] {
            let v = importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2020-04-01T00:00:00Z")
            #expect(v.fouten.isEmpty, "\(naam): \(v.fouten)")
        }
        importeur.werkAggregatenBij()
        func gelezen<S: Somopslag>(_ s: S, _ jaar: Int) throws -> [String] {
            try s.leesSommen { e, _ in
                var uit: [String] = []
                try S.leesToewijzingen(e, van: Dag.eersteVan(jaar: jaar), tot: Dag.laatsteVan(jaar: jaar)) { uit.append($0.toewijzingnummer) }
                return uit
            }
        }
        let verwacht = [2016: [], 2017: ["T3"], 2018: ["T1"], 2019: ["T1", "T2"], 2020: ["T2", "T4"], 2021: ["T2"]]
        for (jaar, nummers) in verwacht {
            let per: [String]
            if let s = p.store as? SQLiteStore { per = try gelezen(s, jaar) }
            else { per = try gelezen(try #require(p.store as? PostgresStore), jaar) }
            #expect(per == nummers, "\(jaar)")
        }
        let sommen = try #require(try p.store.aggregaten(jaren: 1...9999, perAanbieder: true))
        let gehouden = BIFeiten(try p.store.gegevensZonderDeclaraties(), sommen: sommen)
        let gestroomd = try p.store.biFeiten(sommen: sommen)
        #expect(gestroomd.jaren == gehouden.jaren)
        // each year counts the allocations that ran in it
        #expect(Dictionary(grouping: gehouden.jaren, by: \.jaar).mapValues { $0.reduce(0) { $0 + $1.toewijzingen } }
                == [2017: 1, 2018: 1, 2019: 2, 2020: 2])
        // 10 units a month at 100,00: T3 twelve months in 2017; T1 December 2018 and January 2019; T2 June to December
        // 2019 and all of 2020 (the last year known: T4's allocation date), T4 March 2020
        #expect(Dictionary(grouping: gehouden.jaren, by: \.jaar).mapValues { $0.reduce(Euro.nul) { $0 + $1.verplichting } }
                == [2017: Euro(centen: 1_200_000), 2018: Euro(centen: 100_000), 2019: Euro(centen: 800_000), 2020: Euro(centen: 1_300_000)])
        #expect(gestroomd.maanden.map(\.verplichting) == gehouden.maanden.map(\.verplichting))
    }
}
