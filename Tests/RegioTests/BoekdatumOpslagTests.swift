import Foundation
import Testing
import RegioCore
@testable import RegioImport
@testable import RegioStore

/// The optional booking date `geboekt_op` of a declaration (issue 22 point 3) through the import and the store, on both
/// backends: kept, read back, used by the booking-year split; a line without it is booked on submission and an
/// unchanged file re-imported finds every line unchanged.
@Suite struct BoekdatumOpslagTests {
    @Test(arguments: Backend.alle)
    func geboektOpDoorImportEnOpslag(_ backend: Backend) throws {
        let p = try backend.maak()
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 6, count: 32)))
        func importeer(_ naam: String, _ tekst: String) -> Bestandsverslag {
            importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2021-01-01T00:00:00Z")
        }
        for (naam, tekst) in [("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n"),
                              ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,A,nee\n"),
                              ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n"),
                              ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n"),
                              ("toewijzingen.csv", "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,toewijzingsdatum\n"
                                + "T1,C1,0001,75000001,45,45A04,2019-01-01,2019-01-01\n")] {
            #expect(importeer(naam, tekst).fouten.isEmpty, "\(naam)")
        }
        // D1: December 2019, submitted 20-12-2019 but booked by the municipality on 06-01-2020: booking year 2020.
        // D2: November 2019, submitted and booked in 2019. D3: January 2020, booked on submission (no booking date).
        let kop = "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op,geboekt_op\n"
        let regels = kop + "D1,R1,T1,C1,0001,75000001,45,45A04,2019-12-01,2019-12-31,1000.00,2019-12-20,2020-01-06\n"
            + "D2,R2,T1,C1,0001,75000001,45,45A04,2019-11-01,2019-11-30,700.00,2019-12-02,2019-12-03\n"
            + "D3,R3,T1,C1,0001,75000001,45,45A04,2020-01-01,2020-01-31,400.00,2020-02-03,\n"
        let v = importeer("declaraties.csv", regels)
        #expect(v.fouten.isEmpty && v.telling.toegevoegd == 3, "\(v.fouten)")
        let g = try p.store.gegevens()
        let d1 = try #require(g.declaraties.first { $0.declaratienummer == "D1" })
        #expect(d1.geboektOp == Dag.parse("2020-01-06") && d1.boekdatum == Dag.parse("2020-01-06"))
        #expect(g.declaraties.first { $0.declaratienummer == "D3" }?.geboektOp == nil)
        // booked in 2020: D1 (1.000,00 for care year 2019) and D3 (400,00 for 2020); in 2019 only D2
        let b2020 = try Boekjaar.verdeling(g, jaar: 2020)
        #expect(b2020.regels.map(\.bedrag) == [Euro(euro: 1000), Euro(euro: 400)] && b2020.voorgaandeJaren == Euro(euro: 1000))
        #expect(try Boekjaar.verdeling(g, jaar: 2019).totaal == Euro(euro: 700))
        // unchanged again: nothing changes; another booking date: that line changes
        #expect(importeer("declaraties.csv", regels).telling.ongewijzigd == 3)
        let anders = importeer("declaraties.csv", regels.replacingOccurrences(of: "2020-01-06", with: "2020-01-07"))
        #expect(anders.telling.gewijzigd == 1 && anders.telling.ongewijzigd == 2)
        // a file without the column behaves as before: the lines without a booking date are unchanged
        let zonder = importeer("declaraties-oud.csv", regels.split(separator: "\n").map { r in r.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
            .joined(separator: "\n") + "\n")
        #expect(zonder.telling.ongewijzigd == 1 && zonder.telling.gewijzigd == 2, "\(zonder.telling)")
        // an impossible booking date is refused with file, line and column
        let fout = importeer("declaraties-fout.csv", kop + "D4,R4,T1,C1,0001,75000001,45,45A04,2020-01-01,2020-01-31,1.00,2020-02-03,2020-02-30\n")
        #expect(fout.fouten.count == 1 && fout.fouten[0].description.contains("declaraties-fout.csv:2") && fout.fouten[0].description.contains("geboekt_op"),
                "\(fout.fouten)")
    }

    /// The Burap from either database, on the case worked by hand in BurapTests: Aadorp's two lots each cost 1.000,00 a
    /// month (two halves, on the month's last day and the 10th of the next), allocated since 2016; on 30-06-2020 each
    /// lot is expected at 12.000,00 against budgets of 11.500 (1e burap) and 13.000; booked in 2020 for 2019: 500,00 a lot.
    @Test(arguments: Backend.alle)
    func burapUitDeDatabase(_ backend: Backend) throws {
        let p = try backend.maak()
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 7, count: 32)))
        var toew = ["toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,volume,eenheid,frequentie,toewijzingsdatum"]
        var decl = ["declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op"]
        let einde = Dag.parse("2020-06-30")!
        for (c, gemeente, code, volume) in [("A", "0001", "45A04", 10), ("B", "0001", "43A01", 4), ("C", "0002", "45A04", 10)] {
            toew.append("T\(c),\(c),\(gemeente),75000001,\(code.prefix(2)),\(code),2016-01-01,\(volume),04,4,2016-01-01")
            var m = Maand(jaar: 2016, maand: 1)
            while m.eersteDag <= einde {
                for (i, ingediend) in [m.laatsteDag, (m + 1).eersteDag + 9].enumerated() where ingediend <= einde {
                    decl.append("D\(c)\(m)\(i),R,T\(c),\(c),\(gemeente),75000001,\(code.prefix(2)),\(code),\(m.eersteDag),\(m.laatsteDag),500.00,\(ingediend)")
                }
                m = m + 1
            }
        }
        for (naam, tekst) in [("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n0002,Beestad\n"),
                              ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,A,nee\nVBJ,Verblijf,V,ja\n"),
                              ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n43A01,43,VBJ,250\n"),
                              ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n"),
                              ("budgetten.csv", "jaar,gemeentecode,perceel,budget,versie,vastgesteld_op\n2020,0001,AMB,11000,primitief,2019-11-10\n"
                                + "2020,0001,VBJ,13000,primitief,2019-11-10\n2020,0001,AMB,11500,1e burap,2020-06-25\n"),
                              ("toewijzingen.csv", toew.joined(separator: "\n") + "\n"), ("declaraties.csv", decl.joined(separator: "\n") + "\n")] {
            let v = importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2021-01-01T00:00:00Z")
            #expect(v.fouten.isEmpty, "\(naam): \(v.fouten.prefix(2))")
        }
        let b = try Burap(try p.store.gegevens(), gemeente: "0001", peildatum: einde)
        #expect(b.regels.map(\.verwacht) == [Euro(euro: 12_000), Euro(euro: 12_000)])
        #expect(b.regels.map(\.budget) == [Euro(euro: 11_500), Euro(euro: 13_000)] && b.regels.map(\.primitief) == [Euro(euro: 11_000), Euro(euro: 13_000)])
        #expect(b.totaal.verschil == Euro(euro: -500) && b.totaal.geboektVoorgaandeJaren == Euro(euro: 1000))
        #expect(b.verklaring?.totaal.intensiteit == Euro(euro: -500))
    }
}
