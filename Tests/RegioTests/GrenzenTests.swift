import Foundation
import Testing
import RegioCore
@testable import RegioImport
@testable import RegioPostgres
import RegioStore

/// Issue 26, part 3: absurd values are refused at the import with their place, and data outside the bounds that got
/// into a database another way (an older version, a hand edit) makes every figure fail with a reason, never trap.
@Suite struct GrenzenTests {
    struct Geval: Sendable, CustomTestStringConvertible {
        let bestand: String, tekst: String, kolom: String, reden: String
        var testDescription: String { "\(bestand) \(kolom): \(reden)" }
    }

    /// One absurd value per kind and field; line 2 is always the broken one.
    static let gevallen: [Geval] = [
        Geval(bestand: "d.csv", tekst: declaratieKop + "\nD9,R9,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,90000000000000000.00,2019-02-10",
              kolom: "bedrag", reden: "€ 90.000.000.000.000.000,00 valt buiten € 0 tot en met € 10.000.000"),
        Geval(bestand: "d.csv", tekst: declaratieKop + "\nD9,R9,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,92233720368547758.99,2019-02-10",
              kolom: "bedrag", reden: "'92233720368547758.99' is veel te groot voor een bedrag"),
        Geval(bestand: "d.csv", tekst: declaratieKop + "\nD9,R9,T1,C1,0307,75000001,45,45A04,0001-01-01,2019-01-31,10,2019-02-10",
              kolom: "begindatum", reden: "datum 01-01-0001 valt buiten 01-01-2000 tot en met 31-12-2100"),
        Geval(bestand: "d.csv", tekst: declaratieKop + "\nD9,R9,T1,C1,0307,75000001,45,45A04,2019-01-01,9999-12-31,10,2019-02-10",
              kolom: "einddatum", reden: "datum 31-12-9999 valt buiten"),
        // 01-01-2019 to 01-01-2021 is 731 days after the first: 732 days, one more than allowed
        Geval(bestand: "d.csv", tekst: declaratieKop + "\nD9,R9,T1,C1,0307,75000001,45,45A04,2019-01-01,2021-01-01,10,2019-02-10",
              kolom: "einddatum", reden: "langer dan 731 dagen"),
        Geval(bestand: "d.csv", tekst: declaratieKop + "\nD9,R9,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,10,2101-01-01",
              kolom: "ingediend_op", reden: "datum 01-01-2101 valt buiten"),
        Geval(bestand: "t.csv", tekst: toewijzingKop + "\nT9,C1,0307,75000001,45,45A04,2019-01-01,,100000000,04,2,2019-01-01",
              kolom: "volume", reden: "100000000 valt buiten 0 tot en met 99.999.999"),
        Geval(bestand: "t.csv", tekst: toewijzingKop + "\nT9,C1,0307,75000001,45,45A04,1999-12-31,,3,04,2,2019-01-01",
              kolom: "ingangsdatum", reden: "datum 31-12-1999 valt buiten"),
        Geval(bestand: "t.csv", tekst: toewijzingKop + ",budget\nT9,C1,0307,75000001,45,45A04,2019-01-01,,,,,2019-01-01,10000000.01",
              kolom: "budget", reden: "valt buiten € 0 tot en met € 10.000.000"),
        Geval(bestand: "t.csv", tekst: toewijzingKop + ",geboortedatum\nT9,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01,1900-05-01",
              kolom: "geboortedatum", reden: "datum 01-05-1900 valt buiten 01-01-1975 tot en met 31-12-2100"),
        Geval(bestand: "b.csv", tekst: "jaar,gemeentecode,perceel,budget\n2019,0307,AMB,10000000000.01",
              kolom: "budget", reden: "valt buiten € 0 tot en met € 10.000.000.000"),
        Geval(bestand: "c.csv", tekst: "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd\n0307,2019,20000001,100,1000",
              kolom: "inwoners", reden: "20000001 valt buiten 0 tot en met 20.000.000"),
        Geval(bestand: "c.csv", tekst: "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses\n0307,2019,1000,100,1000,nan",
              kolom: "ses", reden: "geen getal: 'nan'"),
        Geval(bestand: "c.csv", tekst: "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,wijkteam_fte\n0307,2019,1000,100,1000,1e300",
              kolom: "wijkteam_fte", reden: "valt buiten 0.0 tot en met 100000.0"),
        Geval(bestand: "p.csv", tekst: "productcode,productcategorie,perceel,tarief\n45A09,45,AMB,1000000.01",
              kolom: "tarief", reden: "valt buiten € 0 tot en met € 1.000.000"),
        Geval(bestand: "v.csv", tekst: "verzoeknummer,clientnummer,gemeentecode,agb,productcategorie,ingangsdatum,ontvangen_op\nV9,C1,0307,75000001,45,2019-01-01,2200-01-01",
              kolom: "ontvangen_op", reden: "datum 01-01-2200 valt buiten"),
    ]

    @Test(arguments: Backend.alle, gevallen)
    func importWeigertAbsurdeWaarden(_ backend: Backend, _ geval: Geval) throws {
        let r = try Proefregio(backend)
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n")
        let v = r.verslag(geval.bestand, geval.tekst + "\n")
        let fout = v.fouten.map(\.description).first { $0.contains(geval.reden) }
        #expect(fout?.hasPrefix("\(geval.bestand):2: \(geval.kolom): ") == true, "kreeg: \(v.fouten)")
        #expect(!v.geschreven)
    }

    /// Two lines of EUR 5e16 each summed to more than 64-bit cents hold: the import summed them on the reading thread
    /// and trapped. Now each is refused at its own line.
    @Test(arguments: Backend.alle) func tweeGroteRegelsWordenGeweigerd(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n")
        let v = r.verslag("d.csv", declaratieKop + """

            D1,R1,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,50000000000000000,2019-02-10
            D1,R2,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,50000000000000000,2019-02-10

            """)
        #expect(v.fouten.map { $0.description.prefix(13) } == ["d.csv:2: bedr", "d.csv:3: bedr"])
        #expect(try r.store.aantal(.declaraties) == 0)
    }

    /// Lines no import of this version lets in, written straight into the store.
    static let absurdeRegels: [(String, [Declaratieregel])] = [
        ("EUR 9e16", [regel("X1", bedrag: Euro(centen: 9_000_000_000_000_000_000))]),
        ("twee keer EUR 5e16", [regel("X1", bedrag: Euro(centen: 5_000_000_000_000_000_000)),
                                regel("X2", bedrag: Euro(centen: 5_000_000_000_000_000_000))]),
        ("0001-9999", [regel("X1", van: "0001-01-01", tot: "9999-12-31")]),
        ("credit -2^63", [regel("X1", bedrag: Euro(centen: .min), credit: true)]),
    ]

    static func regel(_ nr: String, bedrag: Euro = Euro(euro: 100), van: String = "2019-03-01", tot: String = "2019-03-31",
                      credit: Bool = false) -> Declaratieregel {
        Declaratieregel(declaratienummer: nr, referentienummer: "R1", toewijzingnummer: "T1", client: "C1", gemeentecode: "0307",
                        agb: "75000001", productcategorie: "45", productcode: "45A04", begindatum: Dag.parse(van)!,
                        einddatum: Dag.parse(tot)!, bedrag: bedrag, debetCredit: credit ? .credit : .debet,
                        ingediendOp: Dag.parse("2019-04-10")!)
    }

    /// A region with two normal years of one client and the absurd lines written past the import.
    static func regioMetAbsurdeRegels(_ backend: Backend, _ absurd: [Declaratieregel]) throws -> Proefregio {
        let r = try Proefregio(backend, bestand: true)
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2018-01-01,,3,04,2,2018-01-01\n")
        var tekst = declaratieKop + "\n"
        for (i, m) in (1...24).enumerated() {
            let maand = Maand(index: Maand(jaar: 2018, maand: 1).index + m - 1)
            tekst += "D\(i),R1,T1,C1,0307,75000001,45,45A04,\(maand.eersteDag),\(maand.laatsteDag),1000,\(maand.laatsteDag + 10)\n"
        }
        try r.laad("d.csv", tekst)
        try r.store.transactie { w in _ = try w.schrijf(absurd.map(Codering.rij)) }
        return r
    }

    @Test(arguments: Backend.alle, absurdeRegels.map(\.0))
    func opgeslagenAbsurdeRegelsGevenEenFoutGeenCrash(_ backend: Backend, _ naam: String) async throws {
        let absurd = try #require(Self.absurdeRegels.first { $0.0 == naam }).1
        let r = try Self.regioMetAbsurdeRegels(backend, absurd)
        let reden = "gegevens in de database vallen buiten de grenzen van de import: declaratie X1 R1: "
        #expect { try r.store.gegevens() } throws: { "\($0)".hasPrefix(reden) }
        let a = r.store
        // rebuilding the sums sums the lines: it refuses them instead of overflowing
        #expect(throws: Gegevensfout.self) { try a.ververstAggregaten() }
        #expect(try a.aggregaten(jaren: 2018...2019) == nil)
        #expect(throws: Gegevensfout.self) { try a.declaraties(client: "C1") }

        // the commands print the reason in Dutch and end with exit code 1; a trap would end with a signal
        let db = try Self.dbArgument(r, backend)
        for opdracht in [["prognose", "--jaar", "2019", "--peildatum", "2019-06-30"], ["backtest", "--jaren", "2018-2019"],
                         ["cijfers", "--jaar", "2019"]] {
            let (code, _, fout) = await SignalenCLITests.draai(opdracht + ["--db", db])
            #expect(code == 1, "\(opdracht[0]): \(fout)")
            #expect(fout.hasPrefix("fout: " + reden), "\(opdracht[0]): \(fout)")
        }
    }

    /// Sums an older version built from such lines: out of bounds is as good as out of date, so the figures come from
    /// the lines (and their check names the line); correct lines with absurd sums give correct figures.
    @Test(arguments: Backend.alle) func absurdeSommenWordenNietGebruikt(_ backend: Backend) async throws {
        let r = try Self.regioMetAbsurdeRegels(backend, [])
        let a = r.store
        try a.ververstAggregaten()
        #expect(try a.aggregaten(jaren: 2019...2019) != nil)
        var groot = Declaratieaggregaten()
        groot.kosten[.init(gemeentecode: "0307", productcategorie: "45", productcode: "45A04", agb: "75000001", verwijzer: "",
                           maand: Maand(jaar: 2019, maand: 5))] = Euro(centen: 4_000_000_000_000_000_000)
        try a.voegToeAanAggregaten(groot)
        #expect(try a.aggregaten(jaren: 2019...2019) == nil)
        // 2019: twelve lines of EUR 1.000
        let (code, uit, fout) = await SignalenCLITests.draai(["cijfers", "--jaar", "2019", "--format", "csv", "--db", try Self.dbArgument(r, backend)])
        #expect(code == 0, "\(fout)")
        #expect(uit.split(separator: "\n").last?.contains(",12000.00,") == true, "\(uit)")
    }

    /// The BI facts read the allocations one by one instead of as `Gegevens`: each is checked as there, so an
    /// allocation written past the import (a budget of EUR 20 mln, the bound is 10 mln) stops the BI tables with its
    /// reason, and the tables keep what they held. Before the allocations were streamed, this threw in
    /// `gegevensZonderDeclaraties`; now it must throw in the stream's own check.
    @Test(arguments: Backend.alle) func biLeestGeenToewijzingBuitenDeGrenzen(_ backend: Backend) throws {
        let r = try Self.regioMetAbsurdeRegels(backend, [])
        let a = r.store
        try a.ververstAggregaten()
        let tabellen = "SELECT COUNT(*), SUM(verplichting_cent) FROM bi_t_jaar"
        let voor = try BITests.lees(a, tabellen)
        #expect(voor.first?.first != "0", "the hand region has BI facts")
        let absurd = Toewijzing(toewijzingnummer: "TX", client: "C2", gemeentecode: "0307", agb: "75000001", productcategorie: "45",
                                productcode: "45A04", ingangsdatum: Dag.parse("2019-01-01")!, budget: Euro(euro: 20_000_000),
                                toewijzingsdatum: Dag.parse("2019-01-01")!)
        try a.transactie { w in _ = try w.schrijf([Codering.rij(absurd)]) }
        // the sums are rebuilt from the lines (they do not read allocations), then the BI facts stop at TX
        #expect { try a.ververstAggregaten() } throws: {
            "\($0)".hasPrefix("gegevens in de database vallen buiten de grenzen van de import: toewijzing TX: budget")
        }
        #expect(try BITests.lees(a, tabellen) == voor)
    }

    static func dbArgument(_ r: Proefregio, _ backend: Backend) throws -> String {
        if let pad = r.pad { return pad }
        let pg = try #require(r.store as? PostgresStore)
        return Backend.url(try #require(Backend.postgresURL), schema: try #require(pg.adres.schema))
    }
}

/// The same bounds on iJw messages (RM05), at the element that holds the value.
@Suite struct IJWGrenzenTests {
    typealias S = IJWSjabloon

    @Test(arguments: Backend.alle) func toewijzingEnDeclaratieBuitenDeGrenzen(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        // an allocation that ends in 9999 (XSD-valid: any year from 1)
        let t = try r.een("t2.xml", S.jw301(id: "T2", producten: [S.Product(nummer: "5002", tot: "9999-12-31")]))
        #expect(t.codes == ["RM05"], "\(t.tekst)")
        #expect(t.fouten.first?.pad == "Client/ToegewezenProducten/ToegewezenProduct[1]/Einddatum")
        #expect(t.fouten.first?.reden == "datum 31-12-9999 valt buiten 01-01-2000 tot en met 31-12-2100")
        // a prestatie over 0001-2026: refused as outside the bounds (and outside the allocation, as before)
        let d = try r.een("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [S.Prestatie(referentie: "R1", van: "0001-01-01", tot: "2026-02-28", volume: 1, bedrag: 6250)],
                                                           periode: ("0001-01-01", "2026-02-28")))
        #expect(d.codes.contains("RM05"), "\(d.tekst)")
        #expect(d.fouten.contains { $0.pad == "Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductPeriode/Begindatum" && $0.code == "RM05" })
        #expect(try r.store.aantal(.declaraties) == 0 && r.store.aantal(.toewijzingen) == 1)
    }
}
