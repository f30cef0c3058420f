import Foundation
import Testing
import RegioCore
@testable import RegioDemo
@testable import RegioImport
@testable import RegioStore
import GRDB

/// Issue 10: files read in blocks, imports that stream, and the national generator.
@Suite struct SchaalTests {
    let map = NSTemporaryDirectory() + "regioschaal-\(UUID().uuidString)"
    let sleutel = Pseudonimiseerder(sleutel: [UInt8](repeating: 9, count: 32))

    func schrijf(_ naam: String, _ tekst: String) throws -> String {
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        let pad = map + "/" + naam
        try tekst.write(toFile: pad, atomically: true, encoding: .utf8)
        return pad
    }

    /// A quoted field with a newline and a doubled quote, and a CRLF, placed on the 4 MB block boundary: the streaming
    /// reader must give the same records, with the same line numbers, as the reader of the whole text.
    @Test func blokgrenzenVeranderenNiets() throws {
        let blok = Blokbron.blok * 4
        for verschuiving in [-3, -2, -1, 0, 1, 2] {
            var tekst = "a,b\r\n"
            var i = 0
            while tekst.utf8.count < blok + verschuiving - 40 { tekst += "regel\(i),\(i)\r\n"; i += 1 }
            tekst += String(repeating: "x", count: max(0, blok + verschuiving - 8 - tekst.utf8.count)) + ",0\r\n"
            tekst += "\"een \"\"twee\"\"\r\ndrie\",4\r\nlaatste,5"
            let pad = try schrijf("grens\(verschuiving).csv", tekst)
            var heel = CSVLezer(bytes: Array(tekst.utf8))
            var stroom = try CSVLezer(pad: pad)
            var n = 0
            while let a = try heel.volgende() {
                let b = try #require(try stroom.volgende())
                #expect(a.velden == b.velden && a.regel == b.regel, "record \(n) bij verschuiving \(verschuiving)")
                n += 1
            }
            #expect(try stroom.volgende() == nil)
            // header + i numbered rows + the padding row + the quoted row + the last row
            #expect(n == i + 4)
            var opnieuw = CSVLezer(bytes: Array(tekst.utf8))
            let laatste2 = try opnieuw.alle().suffix(2)
            #expect(laatste2.first?.velden == ["een \"twee\"\r\ndrie", "4"])
        }
    }

    @Test func sleutelsetOnthoudtRegelsOokNaGroei() {
        var s = Sleutelset()
        for i in 1...100_000 { #expect(s.voegToe(UInt64(i) &* 0x9E3779B97F4A7C15, regel: i + 1) == nil) }
        // every hash again: the line it was first seen on (i + 1), also after the table grew from 1,024 slots
        var goed = 0
        for i in 1...100_000 where s.voegToe(UInt64(i) &* 0x9E3779B97F4A7C15, regel: 1) == i + 1 { goed += 1 }
        #expect(goed == 100_000)
        #expect(s.voegToe(0, regel: 7) == nil)   // 0 is stored as 1, which no earlier key had
    }

    /// Sized once for a file: no growth while the reserved number of keys goes in, and every line is remembered.
    @Test func sleutelsetOpMaat() {
        var s = Sleutelset()
        s.reserveer(30_000)
        let capaciteit = s.capaciteit
        #expect(capaciteit >= 40_000 && capaciteit < 40_100)   // 30,000 at three quarters full, not a power of two
        for i in 1...30_000 { #expect(s.voegToe(UInt64(i) &* 0x9E3779B97F4A7C15, regel: i) == nil) }
        #expect(s.capaciteit == capaciteit)
        var goed = 0
        for i in 1...30_000 where s.voegToe(UInt64(i) &* 0x9E3779B97F4A7C15, regel: 0) == i { goed += 1 }
        #expect(goed == 30_000)
    }

    /// The translating threads hand the records on in the order of the file, whatever order they finish in, also
    /// across blocks of 10,000 and with one thread or five; an unterminated quote comes after every record before it;
    /// stopping early does not hang.
    @Test(arguments: [1, 2, 5]) func vertaalstraatHoudtDeVolgorde(_ vertalers: Int) throws {
        var tekst = "a,b\n"
        for i in 0..<25_003 { tekst += "r\(i),\(i)\n" }
        let pad = try schrijf("vooruit.csv", tekst)
        // a translator that dawdles at random, so later blocks are often done before earlier ones
        let vertaal: @Sendable () -> (CSVRecord) -> CSVRecord = {
            { r in
                if r.regel % 2_000 == 0 { usleep(UInt32.random(in: 0...3_000)) }
                return r
            }
        }
        let straat = Vertaalstraat(try CSVLezer(pad: pad), vertalers: vertalers, vertaler: vertaal)
        var direct = try CSVLezer(pad: pad)
        var n = 0
        while let a = try direct.volgende() {
            let b = try #require(try straat.volgende())
            if a.velden != b.velden || a.regel != b.regel { Issue.record("record \(n): \(a) != \(b)"); break }
            n += 1
        }
        #expect(n == 25_004)
        #expect(try straat.volgende() == nil)
        #expect(straat.voortgang?.gelezen == straat.voortgang?.grootte)
        straat.stop()

        let kapot = try schrijf("kapot.csv", tekst + "\"open,1\n")
        let v2 = Vertaalstraat(try CSVLezer(pad: kapot), vertalers: vertalers, vertaler: vertaal)
        var gelezen = 0
        #expect(throws: CSVFout.self) { while try v2.volgende() != nil { gelezen += 1 } }
        #expect(gelezen == 25_004)
        v2.stop()

        let v3 = Vertaalstraat(try CSVLezer(pad: pad), vertalers: vertalers, vertaler: vertaal)
        #expect(try v3.volgende()?.velden == ["a", "b"])
        v3.stop()   // the threads wait on full queues: they must end
    }

    /// Errors of a file translated on several threads come in the order of its lines, as one thread gives them: bad
    /// rows in the first, a middle and the last block; and the check stops after `maxFouten` errors at the line where
    /// the last one was found, with nothing stored.
    @Test func foutenInDeVolgordeVanHetBestand() throws {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: sleutel)
        let slecht: Set<Int> = [3, 9_999, 10_000, 10_001, 17_123, 29_998, 30_000]
        var aanbieders = "agb,naam\n"
        for i in 1...30_000 { aanbieders += slecht.contains(i) ? "\(10_000_000 + i)X,Fout\n" : "\(10_000_000 + i),Aanbieder \(i)\n" }
        let v = importeur.importeer(paden: [try schrijf("aanbieders.csv", aanbieders)], nu: "")
        // data row i is line i + 1; no key repeats, so nothing sorts the errors afterwards
        #expect(v.first?.fouten.map(\.regel) == slecht.sorted().map { $0 + 1 })
        #expect(v.first?.fouten.allSatisfy { $0.description.contains("ongeldige AGB-code") } == true)
        #expect(try store.aantal(.aanbieders) == 0)

        var veel = "gemeentecode,naam\n"
        for i in 1...12_000 { veel += "X\(i),Fout\n" }
        let v2 = importeur.importeer(paden: [try schrijf("gemeenten.csv", veel)], nu: "")
        let f2 = try #require(v2.first?.fouten)
        #expect(f2.count == Importeur.maxFouten + 1)
        #expect(f2.dropLast().compactMap(\.regel) == Array(2...(Importeur.maxFouten + 1)))
        #expect(f2.last?.description.contains("de controle is gestopt op regel \(Importeur.maxFouten + 1)") == true)
        #expect(try store.aantal(.gemeenten) == 0)
    }

    /// A database of before v5 keeps its declaration lines, in their order, and gets the key as a unique index (and,
    /// since v9, an index on client).
    @Test func migratieV5HoudtDeclaratiesEnSleutel() throws {
        let pad = NSTemporaryDirectory() + "regioschaal-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: pad + s) } }
        do {
            let q = try DatabaseQueue(path: pad)
            try SQLiteSchema.migrator.migrate(q, upTo: "v4-aggregaten")
            try q.write { db in
                for (nr, ref, bedrag) in [("D9", "R1", 300), ("D1", "R2", 100), ("D5", "R1", 200)] {
                    try db.execute(sql: """
                        INSERT INTO declaratie VALUES (?, ?, 'T1', 'P1', '0307', '75000001', '45', '45A05', 17897, 17898, NULL, NULL, NULL, ?, 'D', 'toegekend', 17900, 7)
                        """, arguments: [nr, ref, bedrag])
                }
            }
        }
        let store = try SQLiteStore(pad: pad)
        let g = try store.gegevens()
        #expect(g.declaraties.map(\.declaratienummer) == ["D9", "D1", "D5"])
        #expect(g.declaraties.map(\.kosten.centen) == [300, 100, 200])
        #expect(try store.indexen(van: "declaratie") == ["declaratie_client", "declaratie_sleutel"])
        #expect(throws: (any Error).self) {
            try store.db.write { try $0.execute(sql: "INSERT INTO declaratie SELECT * FROM declaratie WHERE declaratienummer = 'D1'") }
        }
        // v9: one client's lines (a client's page, a part of the signal run) are found by that index, not by a scan
        #expect(try store.declaraties(client: "P1").map(\.declaratienummer) == ["D9", "D1", "D5"])
        let plan = try store.db.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM declaratie WHERE client = 'P1' ORDER BY rowid").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX declaratie_client") }, "\(plan)")
    }

    /// A duplicate 3,000 lines apart in a streamed file: named with both lines, and nothing of the file is stored.
    @Test func dubbeleSleutelInGestroomdBestand() throws {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: sleutel)
        var gemeenten = "gemeentecode,naam\n"
        for i in 1...4_000 { gemeenten += "GM\(String(format: "%04d", i)),Gemeente \(i)\n" }
        gemeenten += "GM0005,Nogmaals vijf\n"
        let pad = try schrijf("gemeenten.csv", gemeenten)
        let v = importeur.importeer(paden: [pad], nu: "2026-12-02T00:00:00Z")
        // GM0005 is data row 5 = line 6; the repeat is data row 4,001 = line 4,002
        #expect(v.first?.fouten == [.rij(bestand: pad, regel: 4002, kolom: "code", reden: "dubbele sleutel '0005' (ook op regel 6)")])
        #expect(try store.aantal(.gemeenten) == 0)
    }

    /// Rows are written in blocks of 10,000 inside one transaction: an error after the first blocks undoes them all,
    /// and the indexes dropped for the bulk load are back.
    @Test func foutNaDeEersteBlokkenLaatNietsAchter() throws {
        let pad = NSTemporaryDirectory() + "regioschaal-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: pad + s) } }
        let store = try SQLiteStore(pad: pad)
        let importeur = Importeur(store: store, pseudonimiseerder: sleutel)
        let basis = [try schrijf("gemeenten.csv", "gemeentecode,naam\nGM0307,Amersfoort\n"),
                     try schrijf("aanbieders.csv", "agb,naam\n75000001,De Brug\n"),
                     try schrijf("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,Ambulant,nee\n"),
                     try schrijf("producten.csv", "productcode,productcategorie,perceel,tarief\n45A05,45,AMB,105.00\n")]
        #expect(importeur.importeer(paden: basis, nu: "").allSatisfy { $0.fouten.isEmpty })
        var tw = "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,toewijzingsdatum\n"
        for i in 1...25_000 { tw += "T\(i),C\(i % 900),0307,75000001,45,45A05,2025-01-01,2025-01-01\n" }
        tw += "T25001,C1,0307,75000001,45,45A05,2025-02-30,2025-01-01\n"
        let v = importeur.importeer(paden: [try schrijf("toewijzingen.csv", tw)], nu: "")
        #expect(v.first?.fouten.count == 1)
        #expect(v.first?.fouten.first?.description.contains("datum bestaat niet") == true)
        #expect(try store.aantal(.toewijzingen) == 0)
        let indexen = try store.indexen(van: "toewijzing")
        #expect(indexen == ["toewijzing_client", "toewijzing_gemeente"])

        // the same file without the bad row goes in whole, and the indexes are rebuilt
        let goed = tw.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        let v2 = importeur.importeer(paden: [try schrijf("toewijzingen.csv", goed)], nu: "")
        #expect(v2.first?.fouten.isEmpty == true)
        #expect(v2.first?.telling.toegevoegd == 25_000)
        #expect(try store.aantal(.toewijzingen) == 25_000)
        #expect(try store.indexen(van: "toewijzing") == ["toewijzing_client", "toewijzing_gemeente"])
        // a second import of the same file changes nothing
        let v3 = importeur.importeer(paden: [try schrijf("toewijzingen.csv", goed)], nu: "")
        #expect(v3.first?.telling.ongewijzigd == 25_000 && v3.first?.telling.toegevoegd == 0)
    }

    /// A small share of the national year goes through the normal import; its declared total is what the generator
    /// summed line by line while writing, and every municipality of the CBS list is there.
    @Test func landelijkeSteekproefKlopt() throws {
        let uit = map + "/land"
        let telling = try Landelijk(seed: 3, jaar: 2025, fractie: 0.002).schrijf(naar: uit)
        #expect(telling.gemeenten == 342)
        #expect(telling.clienten > 500 && telling.declaraties > telling.toewijzingen)
        let store = try SQLiteStore(pad: ":memory:")
        let paden = try FileManager.default.contentsOfDirectory(atPath: uit).map { uit + "/" + $0 }
        let verslagen = Importeur(store: store, pseudonimiseerder: sleutel).importeer(paden: paden, nu: "")
        for v in verslagen { #expect(v.fouten.isEmpty, "\(v.bestand): \(v.fouten.prefix(3))") }
        #expect(try store.aantal(.gemeenten) == 342)
        #expect(try store.aantal(.declaraties) == telling.declaraties)
        #expect(try store.aantal(.toewijzingen) == telling.toewijzingen)
        let g = try store.gegevens()
        let k = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: 2025), tot: Dag.laatsteVan(jaar: 2025), per: .gemeente)
        #expect(k.totaal.gedeclareerd.centen == telling.gedeclareerdCent[2025])
        #expect(k.groepen.map(\.gedeclareerd).som() == k.totaal.gedeclareerd)
        // Amsterdam is the largest municipality, so it has the most clients
        #expect(k.groepen.max { $0.clienten < $1.clienten }?.groep == "0363")
    }

    /// By hand: 25-12-2019..05-01-2020 is 7 days in December and 5 in January, so EUR 120 splits 70 / 50; a credit of
    /// EUR 20 in January leaves 30 there; a rejected line counts nowhere (but its submission date is the latest); the client
    /// has lines in 2019 and 2020, in 2020 under two referrers (the line of an unknown allocation has none).
    @Test func aggregatenMetDeHandNagerekend() throws {
        func regel(_ nr: String, _ van: String, _ tot: String, _ cent: Int64, _ dc: DebetCredit = .debet,
                   _ status: DeclaratieStatus = .toegekend, tw: String = "T1", ingediend: String = "2020-02-01") -> Declaratieregel {
            Declaratieregel(declaratienummer: nr, referentienummer: "1", toewijzingnummer: tw, client: "P1", gemeentecode: "0307",
                            agb: "75000001", productcategorie: "45", productcode: "45A05", begindatum: Dag.parse(van)!,
                            einddatum: Dag.parse(tot)!, volume: nil, eenheid: nil, tarief: nil, bedrag: Euro(centen: cent),
                            debetCredit: dc, status: status, ingediendOp: Dag.parse(ingediend)!)
        }
        var g = Gegevens()
        g.toewijzingen = [Toewijzing(toewijzingnummer: "T1", client: "P1", gemeentecode: "0307", agb: "75000001",
                                     productcategorie: "45", productcode: "45A05", ingangsdatum: Dag.parse("2019-12-01")!,
                                     einddatum: nil, volume: nil, eenheid: nil, frequentie: nil, budget: nil, verwijzer: .huisarts,
                                     verwijzerNaam: nil, verzoeknummer: nil, geboortedatum: nil, redenWijziging: nil,
                                     toewijzingsdatum: Dag.parse("2019-12-01")!)]
        g.declaraties = [regel("D1", "2019-12-25", "2020-01-05", 12_000), regel("D2", "2020-01-02", "2020-01-03", 2_000, .credit, ingediend: "2020-03-10"),
                         regel("D3", "2020-01-10", "2020-01-11", 99_999, .debet, .afgewezen, ingediend: "2020-04-01"),
                         regel("D4", "2020-02-01", "2020-02-03", 500, tw: "T9")]
        let a = try Declaratieaggregaten.van(g)
        func k(_ m: String, _ verwijzer: String) -> Euro? {
            a.kosten[.init(gemeentecode: "0307", productcategorie: "45", productcode: "45A05", agb: "75000001", verwijzer: verwijzer,
                           maand: Maand.parse(m)!)]
        }
        #expect(k("2019-12", Verwijzer.huisarts.rawValue) == Euro(centen: 7_000))
        #expect(k("2020-01", Verwijzer.huisarts.rawValue) == Euro(centen: 3_000))
        #expect(k("2020-02", "onbekend") == Euro(centen: 500))
        #expect(a.kosten.count == 3)
        #expect(a.jaren == [2019, 2020] && a.clienten.count == 3)
        // the client's cost per year and referrer: 70 in December 2019; 50 - 20 in January 2020 (huisarts), 5 in February
        // (unknown); the rejected line nowhere
        func c(_ jaar: Int, _ verwijzer: String) -> Declaratieaggregaten.Clientsom? {
            a.clienten[.init(client: "P1", gemeentecode: "0307", productcategorie: "45", productcode: "45A05", agb: "75000001",
                             verwijzer: verwijzer, jaar: jaar)]
        }
        #expect(c(2019, Verwijzer.huisarts.rawValue) == .init(bedrag: Euro(centen: 7_000), maanden: 1 << 11))
        #expect(c(2020, Verwijzer.huisarts.rawValue) == .init(bedrag: Euro(centen: 3_000), maanden: 1 << 0))
        #expect(c(2020, "onbekend") == .init(bedrag: Euro(centen: 500), maanden: 1 << 1))
        #expect(c(2020, Verwijzer.huisarts.rawValue)?.actief(van: 1, tot: 1) == true)
        #expect(c(2020, Verwijzer.huisarts.rawValue)?.actief(van: 2, tot: 12) == false)
        #expect(c(2019, Verwijzer.huisarts.rawValue)?.actief(van: 12, tot: 12) == true)
        #expect(a.laatsteIndiening == Dag.parse("2020-04-01"))
        // the triangle by service month and month of submission: D1 in two service months, the credit submitted in March
        func d(_ dienst: String, _ indiening: String) -> Euro? {
            a.driehoek[.init(gemeentecode: "0307", productcategorie: "45", productcode: "45A05", dienst: Maand.parse(dienst)!,
                             indiening: Maand.parse(indiening)!)]
        }
        #expect(d("2019-12", "2020-02") == Euro(centen: 7_000))
        #expect(d("2020-01", "2020-02") == Euro(centen: 5_000))
        #expect(d("2020-01", "2020-03") == Euro(centen: -2_000))
        #expect(d("2020-02", "2020-02") == Euro(centen: 500))
        #expect(a.driehoek.count == 4)
    }

    /// The sums give exactly the figures the lines give, for every grouping they serve, selections and multi-year
    /// periods; after another import they are rebuilt, and they are ignored when they lag behind the data.
    @Test(arguments: Backend.alle) func aggregatenGevenDezelfdeCijfersAlsDeRegels(_ backend: Backend) throws {
        let opslag = try backend.maak()
        let regio = opslag.store
        let store = regio
        _ = importeerDemo(regio, jaren: 2018...2019)
        #expect(try store.aggregaten(jaren: 2019...2019) == nil)   // never built: not used
        #expect(try store.driehoek() == nil)
        #expect(try !store.aggregatenActueel())
        try store.ververstAggregaten()
        #expect(try store.aggregatenActueel())
        let g = try regio.gegevens()
        let zonder = try store.gegevensZonderDeclaraties()
        var verwacht = g
        verwacht.declaraties = []; verwacht.verzoeken = []
        verwachtGelijk(zonder, verwacht)
        // whole years and month ranges, also across a year end; every grouping the sums serve; by municipality, lot
        // and provider (the dashboard's selections)
        let agb = try #require(Dictionary(grouping: g.declaraties, by: \.agb).max { $0.value.count < $1.value.count }?.key)
        let filters: [(String, (@Sendable (String, String?, String) -> Bool)?)] = [
            ("alles", nil), ("0307", { gem, _, _ in gem == "0307" }), ("AMB", { _, p, _ in p == "AMB" }), (agb, { _, _, a in a == agb }),
        ]
        let perioden = [("2018-01-01", "2018-12-31"), ("2019-01-01", "2019-12-31"), ("2018-01-01", "2019-12-31"),
                        ("2019-03-01", "2019-05-31"), ("2018-11-01", "2019-02-28"), ("2019-07-01", "2019-07-31")]
        for (van, tot) in perioden {
            let d1 = Dag.parse(van)!, d2 = Dag.parse(tot)!
            let a = try #require(try store.aggregaten(jaren: d1.jaar...d2.jaar, perAanbieder: true))
            // without providers: a fifth of the rows, the same figures for what is not about providers
            let zonderAanbieders = try #require(try store.aggregaten(jaren: d1.jaar...d2.jaar))
            let somZonder = try a.zonderAanbieders()
            #expect(!zonderAanbieders.perAanbieder && zonderAanbieders.kosten == somZonder.kosten)
            #expect(zonderAanbieders.kosten.count < a.kosten.count && zonderAanbieders.kosten.values.reduce(.nul, +) == a.kosten.values.reduce(.nul, +))
            for per in Groepering.allCases where per != .leeftijd && per != .aanbieder {
                let x = Monitoring.kengetallen(zonder, van: d1, tot: d2, per: per, aggregaten: a)
                let y = Monitoring.kengetallen(zonder, van: d1, tot: d2, per: per, aggregaten: zonderAanbieders)
                #expect(x.groepen == y.groepen && x.totaal == y.totaal, "\(van)-\(tot) per \(per) zonder aanbieders")
            }
            for per in Groepering.allCases where per != .leeftijd {
                for (naam, filter) in filters {
                    let regels = Monitoring.kengetallen(g, van: d1, tot: d2, per: per, filter: filter)
                    let sommen = Monitoring.kengetallen(zonder, van: d1, tot: d2, per: per, filter: filter, aggregaten: a)
                    #expect(regels.groepen == sommen.groepen, "\(van)-\(tot) per \(per) \(naam)")
                    #expect(regels.totaal == sommen.totaal, "\(van)-\(tot) per \(per) \(naam)")
                    #expect(regels.totaal.gedeclareerd.centen > 0 && regels.totaal.clienten > 0)
                }
            }
            guard Dag.eersteVan(jaar: d1.jaar) == d1 && Dag.laatsteVan(jaar: d2.jaar) == d2 else { continue }
            for selectie in [Selectie(), Selectie(gemeente: "0307"), Selectie(perceel: "AMB")] {
                let regels = Monitoring.kengetallen(g, van: d1, tot: d2, per: .gemeente, selectie: selectie)
                let sommen = Monitoring.kengetallen(zonder, van: d1, tot: d2, per: .gemeente, selectie: selectie, aggregaten: a)
                #expect(regels.groepen == sommen.groepen && regels.totaal == sommen.totaal, "\(van)-\(tot) \(selectie)")
            }
            // the client list of a municipality (and the clients of the high-cost pool) from the client-years
            for (naam, filter) in filters {
                let regels = Monitoring.clientoverzicht(g, van: d1, tot: d2, filter: filter)
                let sommen = Monitoring.clientoverzicht(zonder, van: d1, tot: d2, filter: filter, aggregaten: a)
                #expect(regels == sommen, "clienten \(van)-\(tot) \(naam)")
                #expect(regels.count > 10)
            }
        }
        #expect(try store.aggregaten(jaren: 2018...2019)?.laatsteIndiening == g.declaraties.map(\.ingediendOp).max())
        // the forecast from the triangle of the sums is the forecast from the lines, for every grouping and method
        let driehoek = try #require(try store.driehoek())
        for per in Jaarprognose.Groepering.allCases {
            let uitRegels = Jaarprognose.Basis(g, per: per)
            let uitSommen = Jaarprognose.Basis(zonder, driehoek: driehoek, per: per)
            #expect(uitRegels.werkelijk(jaar: 2018) == uitSommen.werkelijk(jaar: 2018))
            for peil in ["2019-03-31", "2019-06-30", "2019-09-15"] {
                for methode in Prognosemethode.allCases {
                    let a = try Jaarprognose(uitRegels, jaar: 2019, peildatum: Dag.parse(peil)!, methode: methode)
                    let b = try Jaarprognose(uitSommen, jaar: 2019, peildatum: Dag.parse(peil)!, methode: methode)
                    #expect(a.groepen == b.groepen && a.totaal == b.totaal, "\(per) \(peil) \(methode)")
                    #expect(a.cdf == b.cdf && a.uitnutting == b.uitnutting)
                    #expect(a.totaal.gedeclareerd.centen > 0)
                }
            }
        }
        // the equalisation from the client-years of the sums is the equalisation from the lines (one key that needs two
        // earlier years, one that does not; scenarios that work per client and per municipality; all lots and per lot)
        let scenarios = try ["solidariteit", "drempel:100000", "eigen-risico:0.25"].map { try VereveningScenario.parse($0) }
        // the demo pays SAVE by subsidy: a threshold per client needs every client's cost, so the comparison of the
        // client sums with the lines leaves the contracts and their lot out on both sides (the contract path of the
        // equalization: ContractrealisatieTests)
        var metLijnen = g, zonderLijnen = zonder
        metLijnen.contracten = []; metLijnen.betalingen = []; zonderLijnen.contracten = []; zonderLijnen.betalingen = []
        metLijnen.percelen.removeAll { $0.code == "SAVE" }; zonderLijnen.percelen.removeAll { $0.code == "SAVE" }
        for sleutel in [VereveningSleutel.macrobudget, .gebruik] {
            let vanaf = sleutel == .gebruik ? VereveningSleutel.gebruiksjaren(voor: 2019).lowerBound : 2019
            let sommen = try #require(try store.aggregaten(jaren: vanaf...2019))
            for perPerceel in [false, true] {
                let a = try VereveningRapport(metLijnen, jaren: 2019...2019, scenarios: scenarios, sleutel: sleutel, perPerceel: perPerceel)
                let b = try VereveningRapport(zonderLijnen, jaren: 2019...2019, scenarios: scenarios, sleutel: sleutel, perPerceel: perPerceel,
                                              sommen: sommen)
                #expect(a.onderdelen.count == b.onderdelen.count && a.onderdelen.count >= 3)
                for (x, y) in zip(a.onderdelen, b.onderdelen) {
                    #expect(x.uitkomst == y.uitkomst, "\(sleutel) \(x.perceel ?? "samen") \(x.scenario)")
                }
                #expect(a.onderdelen.allSatisfy { $0.uitkomst.totaal.centen > 0 })
            }
        }
        // new data: the sums no longer match until they are rebuilt
        let importeur = Importeur(store: regio, pseudonimiseerder: sleutel)
        _ = importeur.importeer(bestand: "g.csv", bytes: Array("gemeentecode,naam\nGM0363,Amsterdam\n".utf8), nu: "")
        #expect(try store.aggregaten(jaren: 2019...2019) == nil)
        importeur.werkAggregatenBij()
        #expect(try store.aggregaten(jaren: 2019...2019) != nil)
    }
}

extension CSVLezer {
    mutating func alle() throws -> [CSVRecord] {
        var uit: [CSVRecord] = []
        while let r = try volgende() { uit.append(r) }
        return uit
    }
}
