import Foundation
import Testing
import RegioCore
@testable import RegioDemo
@testable import RegioImport
import RegioStore

/// A monthly delta (issue 28): the year without December's submissions, then December's lines as a file of their own,
/// then that file again. New lines are merged into the monthly sums, an unchanged file leaves them as they are; either
/// way they must be exactly what a rebuild from every stored line gives, and stay usable for the figures.
@Suite struct DeltaTests {
    typealias Sommen = (kosten: [Declaratieaggregaten.Kostensleutel: Euro], clienten: [Declaratieaggregaten.Clientjaar: Declaratieaggregaten.Clientsom],
                        driehoek: [Declaratieaggregaten.Driehoeksleutel: Euro])

    static func sommen(_ store: any Opslag) throws -> Sommen {
        let a = try #require(try store.aggregaten(jaren: 1...9999, perAanbieder: true), "de sommen zijn niet actueel")
        return (a.kosten, a.clienten, try #require(try store.driehoek()))
    }

    static func bi(_ store: any Opslag) throws -> (maand: [[String]], jaar: [[String]], clienten: [[String]]) {
        (try BITests.lees(store, "SELECT jaar, maand, gemeentecode, perceel, agb, kosten_cent, verplichting_cent FROM bi_t_maand ORDER BY 1, 2, 3, 4, 5"),
         try BITests.lees(store, "SELECT jaar, gemeentecode, perceel, agb, kosten_cent, verplichting_cent, toewijzingen, clienten FROM bi_t_jaar ORDER BY 1, 2, 3, 4"),
         try BITests.lees(store, "SELECT jaar, gemeentecode, clienten FROM bi_t_clienten ORDER BY 1, 2"))
    }

    /// A 0,2% national sample of 2025 in `map`: every file in `map/land` with the lines submitted before December, and
    /// December's lines in a file of their own (the second value); the third is how many lines that file has.
    static func landMetDecember(_ map: String) throws -> (bron: String, delta: String, december: Int) {
        let bron = map + "/land"
        _ = try Landelijk(seed: 11, jaar: 2025, fractie: 0.002).schrijf(naar: bron)
        // declaraties.csv split by submission date: before December 2025, and from then on
        let regels = try String(contentsOfFile: bron + "/declaraties.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let kop = regels[0], k = try #require(kop.split(separator: ",", omittingEmptySubsequences: false).firstIndex(of: "ingediend_op"))
        var voor: [Substring] = [], december: [Substring] = []
        for r in regels.dropFirst() {
            let d = r.split(separator: ",", omittingEmptySubsequences: false)[k]
            if d < "2025-12-01" { voor.append(r) } else { december.append(r) }
        }
        #expect(voor.count > 1_000 && december.count > 100)
        try FileManager.default.removeItem(atPath: bron + "/declaraties.csv")
        try ([kop] + voor).joined(separator: "\n").appending("\n").write(toFile: bron + "/declaraties-voor-december.csv", atomically: true, encoding: .utf8)
        let delta = map + "/declaraties-december.csv"
        try ([kop] + december).joined(separator: "\n").appending("\n").write(toFile: delta, atomically: true, encoding: .utf8)
        return (bron, delta, december.count)
    }

    /// A new store of `backend` with every file of `bron` imported, and the importer that did it.
    static func importeer(_ bron: String, _ backend: Backend) throws -> (Proefopslag, Importeur) {
        let opslag = try backend.maak(bestand: true)
        let importeur = Importeur(store: opslag.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 4, count: 32)))
        for v in importeur.importeer(paden: try FileManager.default.contentsOfDirectory(atPath: bron).map { bron + "/" + $0 }, nu: "") {
            #expect(v.fouten.isEmpty, "\(v.bestand): \(v.fouten.prefix(3))")
        }
        return (opslag, importeur)
    }

    @Test(arguments: Backend.alle) func deltaEnHerhaaldeDeltaHoudenDeSommenGelijkAanEenHerbouw(_ backend: Backend) throws {
        let map = NSTemporaryDirectory() + "regiodelta-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: map) }
        let (bron, delta, aantalDecember) = try Self.landMetDecember(map)
        let (opslag, importeur) = try Self.importeer(bron, backend)
        let store = opslag.store
        #expect(try store.aggregatenActueel())
        let zonderDecember = try Self.sommen(store)

        // December's lines: all new, merged into the stored sums
        let eerste = try #require(importeur.importeer(paden: [delta], nu: "").first)
        #expect(eerste.fouten.isEmpty && eerste.telling.toegevoegd == aantalDecember && eerste.telling.ongewijzigd == 0)
        #expect(try store.aggregatenActueel())
        let naDelta = try Self.sommen(store)
        let biNaDelta = try Self.bi(store)
        #expect(naDelta.driehoek != zonderDecember.driehoek)   // December's submissions are in the triangle now

        // the same file again: every line stored as it is, the sums untouched but up to date
        let tweede = try #require(importeur.importeer(paden: [delta], nu: "").first)
        #expect(tweede.fouten.isEmpty && tweede.telling.ongewijzigd == aantalDecember && tweede.telling.toegevoegd == 0)
        #expect(try store.aggregatenActueel())
        let naHerhaling = try Self.sommen(store)
        #expect(naHerhaling.kosten == naDelta.kosten && naHerhaling.clienten == naDelta.clienten && naHerhaling.driehoek == naDelta.driehoek)

        // both equal the sums rebuilt from every stored line
        try store.ververstAggregaten()
        let herbouwd = try Self.sommen(store)
        #expect(herbouwd.kosten == naDelta.kosten)
        #expect(herbouwd.clienten == naDelta.clienten)
        #expect(herbouwd.driehoek == naDelta.driehoek)
        // the BI tables made from the merged sums are those made from the rebuilt ones
        let biHerbouwd = try Self.bi(store)
        #expect(!biHerbouwd.maand.isEmpty && biHerbouwd.maand == biNaDelta.maand)
        #expect(!biHerbouwd.jaar.isEmpty && biHerbouwd.jaar == biNaDelta.jaar)
        #expect(!biHerbouwd.clienten.isEmpty && biHerbouwd.clienten == biNaDelta.clienten)
        // and the figures from them equal those from the lines
        let g = try store.gegevens()
        let jaar = Dag.eersteVan(jaar: 2025), einde = Dag.laatsteVan(jaar: 2025)
        let uitRegels = Monitoring.kengetallen(g, van: jaar, tot: einde, per: .gemeente, selectie: Selectie())
        let uitSommen = try Cijferdienst(store).kengetallen(van: jaar, tot: einde, per: .gemeente, selectie: Selectie(), peildatum: nil)
        #expect(uitSommen.basis.sommen != nil)
        #expect(uitSommen.groepen == uitRegels.groepen && uitSommen.totaal == uitRegels.totaal)
    }

    static func toewijzingen(_ store: any Opslag, _ jaar: Int) throws -> Int {
        Int(try BITests.lees(store, "SELECT SUM(toewijzingen) FROM bi_t_jaar WHERE jaar = \(jaar)").first?.first ?? "") ?? -1
    }

    /// An import that only adds lines and allocations builds the BI facts of the years it touches again, and no others: a
    /// year it leaves alone keeps a cent added on purpose, a year a new allocation runs in loses it, and everything else
    /// equals a full rebuild.
    @Test(arguments: Backend.alle) func deltaBouwtAlleenDeGeraakteJarenVanDeBI(_ backend: Backend) throws {
        let map = NSTemporaryDirectory() + "regiodelta-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: map) }
        let (bron, delta, _) = try Self.landMetDecember(map)
        let (opslag, importeur) = try Self.importeer(bron, backend)
        let store = opslag.store
        // two years before December's: the first is left alone, a new allocation runs in the second
        let jaren = try BITests.lees(store, "SELECT DISTINCT jaar FROM bi_t_maand ORDER BY 1").compactMap { Int($0[0]) }.filter { $0 < 2025 }
        try #require(jaren.count >= 2)
        let (stil, geraakt) = (jaren[0], jaren[1])
        let sql = try #require(store as? any SQLOpslag)
        try sql.schrijf(nil) { v in
            try v.voerUit("UPDATE bi_t_maand SET kosten_cent = kosten_cent + 1 WHERE jaar IN (?, ?)", [Waarde(stil), Waarde(geraakt)])
        }
        let tw = try String(contentsOfFile: bron + "/toewijzingen.csv", encoding: .utf8).split(separator: "\n")
        var velden = tw[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let kolom = { (naam: String) in tw[0].split(separator: ",").firstIndex { $0 == naam }! }
        velden[kolom("toewijzingnummer")] = "T99999999"
        velden[kolom("verzoeknummer")] = ""
        velden[kolom("toewijzingsdatum")] = "\(geraakt)-02-15"
        velden[kolom("ingangsdatum")] = "\(geraakt)-03-01"
        velden[kolom("einddatum")] = "\(geraakt)-09-30"
        let nieuw = map + "/toewijzing-nieuw.csv"
        try (String(tw[0]) + "\n" + velden.joined(separator: ",") + "\n").write(toFile: nieuw, atomically: true, encoding: .utf8)

        let voor = try Self.toewijzingen(store, geraakt)
        let verslagen = importeur.importeer(paden: [nieuw, delta], nu: "")
        #expect(verslagen.count == 2 && verslagen.allSatisfy { $0.fouten.isEmpty && $0.geschreven }, "\(verslagen.map(\.fouten))")
        #expect(verslagen.first?.telling.toegevoegd == 1)
        let na = try Self.bi(store)
        try store.ververstAggregaten()
        let herbouwd = try Self.bi(store)
        let isStil = { (r: [String]) in r[0] == String(stil) }
        #expect(!na.maand.filter(isStil).isEmpty)
        #expect(na.maand.filter(isStil) == herbouwd.maand.filter(isStil).map { r in
            var r = r
            r[5] = String(Int(r[5])! + 1)
            return r
        })
        #expect(na.maand.filter { !isStil($0) } == herbouwd.maand.filter { !isStil($0) })
        #expect(na.jaar == herbouwd.jaar && na.clienten == herbouwd.clienten)
        // the new allocation counts in its year
        #expect(try Self.toewijzingen(store, geraakt) == voor + 1)
    }

    /// A few new lines replace only the sums of their municipality-product cells and their clients: a copy of a row of a
    /// municipality none of them is in stays (a rewrite of every row would write it once), and everything else equals a
    /// rebuild from every line, row for row.
    @Test(arguments: Backend.alle) func kleineDeltaVervangtAlleenDeGeraakteSommen(_ backend: Backend) throws {
        let map = NSTemporaryDirectory() + "regiodelta-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: map) }
        let (bron, delta, _) = try Self.landMetDecember(map)
        // December's last 20 lines are the delta; the rest of December goes in with the year
        let regels = try String(contentsOfFile: delta, encoding: .utf8).split(separator: "\n")
        try regels.dropLast(20).joined(separator: "\n").appending("\n").write(toFile: bron + "/declaraties-december.csv", atomically: true,
                                                                              encoding: .utf8)
        let klein = map + "/klein.csv"
        try ([regels[0]] + regels.suffix(20)).joined(separator: "\n").appending("\n").write(toFile: klein, atomically: true, encoding: .utf8)
        let (opslag, importeur) = try Self.importeer(bron, backend)
        let store = opslag.store
        // a municipality none of the 20 lines is in
        let k = regels[0].split(separator: ",").firstIndex(of: "gemeentecode")!
        let geraakt = Set(regels.suffix(20).map { String($0.split(separator: ",", omittingEmptySubsequences: false)[k]) })
        let gemeente = try #require(try BITests.lees(store, "SELECT DISTINCT gemeentecode FROM agg_kosten_aanbieder ORDER BY 1")
            .map { $0[0] }.first { !geraakt.contains($0) })
        let sql = try #require(store as? any SQLOpslag)
        try sql.schrijf(nil) { v in
            let k = "gemeentecode, productcategorie, productcode, agb, verwijzer, maand, bedrag_cent"
            try v.voerUit("INSERT INTO agg_kosten_aanbieder (\(k)) SELECT \(k) FROM agg_kosten_aanbieder WHERE gemeentecode = ? LIMIT 1",
                          [Waarde(gemeente)])
        }
        let v = try #require(importeur.importeer(paden: [klein], nu: "").first)
        #expect(v.fouten.isEmpty && v.telling.toegevoegd == 20)
        #expect(try store.aggregatenActueel())
        let na = try Self.sommen(store)
        // every row once: a row left beside its replacement would read as one of the two
        let tellen = "SELECT (SELECT COUNT(*) FROM agg_kosten), (SELECT COUNT(*) FROM agg_kosten_aanbieder), (SELECT COUNT(*) FROM agg_clienten), "
            + "(SELECT COUNT(*) FROM agg_driehoek)"
        let aantallen = try BITests.lees(store, tellen)
        try store.ververstAggregaten()
        let herbouwd = try Self.sommen(store)
        let opnieuw = try BITests.lees(store, tellen)
        #expect(opnieuw.count == 1 && aantallen.count == 1)
        #expect(aantallen.first.map { [$0[0], String(Int($0[1])! - 1), $0[2], $0[3]] } == opnieuw.first)
        #expect(na.kosten == herbouwd.kosten && na.clienten == herbouwd.clienten && na.driehoek == herbouwd.driehoek)
    }
}
