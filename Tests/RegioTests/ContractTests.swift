import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore
import RegioWeergave

/// Contract management (issue 11) on small hand-worked regions, imported through the real importer into SQLite.
/// Every expected value is worked out by hand in the comments; none is copied from the code's output.
@Suite struct ContractTests {
    static func dag(_ s: String) -> Dag { Dag.parse(s)! }

    /// Proefregio (0307, 0308; lots AMB and VBJ; 45A04 and 43A01; providers 75000001-2) plus providers 3-6 and 45A05/45A06
    /// (45A06 output-funded, for "start onbekend").
    static func regio(_ backend: Backend = .sqlite) throws -> Proefregio {
        let r = try Proefregio(backend)
        try r.laad("aanbieders2.csv", "agb,naam\n75000003,Derde BV\n75000004,Vierde BV\n75000005,Vijfde BV\n75000006,Zesde BV\n")
        try r.laad("producten2.csv", "productcode,productcategorie,perceel\n45A05,45,AMB\n45A06,45,AMB\n")
        return r
    }

    static let twKop = "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,frequentie,budget,verwijzer_type,verzoeknummer,toewijzingsdatum"
    static let declKop = "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,volume,bedrag,status,ingediend_op"

    // MARK: provider benchmark

    /// Product 45A04 in 2019 (minimum 2 clients to be ranked, 3 ranked providers for marks):
    ///
    /// | provider | clients | cost | cost/client | units/client | trajectories ended (days) | return | commitment | utilisation |
    /// | A 75000001 | a1, a2 | 1000+2000 = 3000 | 1500 | (10+20)/2 = 15 | a1 01-01..01-10 = 10, a2 02-01..03-02 = 30 | a1 yes (45A05 from 2020-01-05, 360 d), a2 no (2020-03-10, 374 d): 1/2 | 2000+2000 | 3000/4000 = 75% |
    /// | B 75000002 | b1, b2, b3 | 3 x 1000 = 3000 | 1000 | 30/3 = 10 | b1 01-01..01-20 = 20, b2 01-01..02-09 = 40 (b3 open) | 0/2 | 1000+1000+1000 (b3 open: yearly) | 100% |
    /// | C 75000003 | c1, c2 | 400+600 = 1000 | 500 | 10/2 = 5 | c1 01-01..03-31 = 90, c2 01-01..01-31 + 02-15..02-28 (gap 14 <= 31: one spell) = 59 | 0/2 (c1's VBJ stay is another lot) | 1000+500+500 | 50% |
    /// | D 75000004 | d1 | 9000 | 9000 | 90 | 30 | - | 9000 | 100% | (1 client: shown, not ranked)
    ///
    /// Medians over A, B, C (nearest rank, 2nd of 3): cost/client 1000 -> A 1500 >= 1.5 x 1000 up, C 500 x 1.5 <= 1000 down;
    /// units 10 -> A up, C down; duration median of [10, 20, 59] = 20 -> A 10 x 1.5 <= 20 down, C 59 >= 30 up;
    /// provider medians: A [10, 30] -> 10, p90 30; B [20, 40] -> 20, p90 40; C [59, 90] -> 59, p90 90;
    /// p90 median of [30, 40, 90] = 40 -> C 90 >= 60 up, A 30 x 1.5 = 45 > 40 no mark;
    /// return [0, 0, 0.5] -> 0: A +50 points up; utilisation [0.5, 0.75, 1] -> 0.75: B +25 up, C -25 down.
    /// Ranks by cost per client, highest first: A 1, B 2, C 3. Total: 8 unique clients, 3000+3000+1000+9000 = 16000.
    static func benchmarkregio() throws -> Proefregio {
        let r = try regio()
        try r.laad("toewijzingen.csv", twKop + """

            TA1,a1,0307,75000001,45,45A04,2019-01-01,2019-01-10,,,2000,02,,2018-12-20
            TA2,a2,0307,75000001,45,45A04,2019-02-01,2019-03-02,,,2000,02,,2019-01-20
            TA3,a1,0307,75000001,45,45A05,2020-01-05,2020-02-05,,,,02,,2020-01-01
            TA4,a2,0307,75000001,45,45A05,2020-03-10,2020-04-05,,,,02,,2020-03-01
            TB1,b1,0307,75000002,45,45A04,2019-01-01,2019-01-20,,,1000,02,,2018-12-20
            TB2,b2,0308,75000002,45,45A04,2019-01-01,2019-02-09,,,1000,02,,2018-12-20
            TB3,b3,0308,75000002,45,45A04,2019-01-01,,,,1000,02,,2018-12-20
            TC1,c1,0307,75000003,45,45A04,2019-01-01,2019-03-31,,,1000,02,,2018-12-20
            TC2,c2,0307,75000003,45,45A04,2019-01-01,2019-01-31,,,500,02,,2018-12-20
            TC3,c2,0307,75000003,45,45A04,2019-02-15,2019-02-28,,,500,02,,2019-02-10
            TC4,c1,0307,75000004,43,43A01,2019-05-01,2019-05-31,,,,04,,2019-04-20
            TD1,d1,0307,75000004,45,45A04,2019-06-01,2019-06-30,,,9000,02,,2019-05-20

            """)
        try r.laad("declaraties.csv", declKop + """

            DA,1,TA1,a1,0307,75000001,45,45A04,2019-01-01,2019-01-10,10,1000,toegekend,2019-02-15
            DA,2,TA2,a2,0307,75000001,45,45A04,2019-02-01,2019-02-28,20,2000,toegekend,2019-03-15
            DB,1,TB1,b1,0307,75000002,45,45A04,2019-01-01,2019-01-20,10,1000,toegekend,2019-02-15
            DB,2,TB2,b2,0308,75000002,45,45A04,2019-01-01,2019-01-31,10,1000,toegekend,2019-02-15
            DB,3,TB3,b3,0308,75000002,45,45A04,2019-03-01,2019-03-31,10,1000,toegekend,2019-04-15
            DC,1,TC1,c1,0307,75000003,45,45A04,2019-01-01,2019-01-31,5,400,toegekend,2019-02-15
            DC,2,TC2,c2,0307,75000003,45,45A04,2019-01-01,2019-01-31,5,600,toegekend,2019-02-15
            DC,3,TC2,c2,0307,75000003,45,45A04,2019-01-01,2019-01-31,5,700,afgewezen,2019-02-15
            DD,1,TD1,d1,0307,75000004,45,45A04,2019-06-01,2019-06-30,90,9000,toegekend,2019-07-15

            """)
        return r
    }

    static func instellingen() -> Contractinstellingen {
        var i = Contractinstellingen()
        i.minimumClienten = 2
        return i
    }

    @Test func benchmarkPerProduct() throws {
        let g = try ContractTests.benchmarkregio().store.gegevens()
        let (rijen, totaal) = Aanbiedersbenchmark.bereken(g, van: Self.dag("2019-01-01"), tot: Self.dag("2019-12-31"), niveau: .product,
                                                          peildatum: Self.dag("2021-06-30"), instellingen: Self.instellingen())
        let product = rijen.filter { $0.groep == "45/45A04" }
        func rij(_ agb: String) throws -> Benchmarkrij { try #require(product.first { $0.agb == agb }) }
        let a = try rij("75000001"), b = try rij("75000002"), c = try rij("75000003"), d = try rij("75000004")

        #expect(a.clienten == 2 && a.kosten == Euro(euro: 3000) && a.kostenPerClient == Euro(euro: 1500))
        #expect(b.clienten == 3 && b.kostenPerClient == Euro(euro: 1000))
        #expect(c.kosten == Euro(euro: 1000) && c.kostenPerClient == Euro(euro: 500))   // the rejected 700 does not count
        #expect(a.eenhedenPerClient == 15 && b.eenhedenPerClient == 10 && c.eenhedenPerClient == 5)
        #expect((a.duurMediaan, a.duurP90) == (10, 30))
        #expect((b.duurMediaan, b.duurP90, b.beeindigdeTrajecten) == (20, 40, 2))
        #expect((c.duurMediaan, c.duurP90, c.beeindigdeTrajecten) == (59, 90, 2))
        #expect((a.teruggekeerd, a.terugkeerBasis) == (1, 2))
        #expect((b.teruggekeerd, b.terugkeerBasis) == (0, 2))
        #expect((c.teruggekeerd, c.terugkeerBasis) == (0, 2))
        #expect(a.verplichting == Euro(euro: 4000) && a.uitnutting == 0.75)
        #expect(b.uitnutting == 1.0 && c.uitnutting == 0.5)

        // the peers' medians and the marks
        #expect(a.mediaan.vergelijkers == 3)
        #expect(a.mediaan.kostenPerClient == Euro(euro: 1000) && a.mediaan.duurMediaan == 20 && a.mediaan.terugkeer == 0
                && a.mediaan.uitnutting == 0.75 && a.mediaan.eenhedenPerClient == 10)
        #expect(a.afwijkingen == [.kostenPerClient: 1, .eenhedenPerClient: 1, .duurMediaan: -1, .terugkeer: 1])
        #expect(b.afwijkingen == [.uitnutting: 1])
        #expect(c.afwijkingen == [.kostenPerClient: -1, .eenhedenPerClient: -1, .duurMediaan: 1, .duurP90: 1, .uitnutting: -1])
        // one client: shown, not ranked, not marked, not in the median (else the cost median would be 1500)
        #expect(!d.gerangschikt && d.rang == nil && d.afwijkingen.isEmpty && d.kostenPerClient == Euro(euro: 9000))
        #expect([a.rang, b.rang, c.rang] == [1, 2, 3])
        #expect(product.map(\.agb) == ["75000001", "75000002", "75000003", "75000004"])

        // the total: clients once (c1 is also in the VBJ row), money the sum of the rows
        #expect(totaal.clienten == 8)
        #expect(totaal.kosten == Euro(euro: 16000))
        #expect(totaal.kosten == rijen.map(\.kosten).som())
        #expect(totaal.verplichting == rijen.map(\.verplichting).som())
    }

    /// On provider level c1's VBJ stay at D (2019-05-01, 31 days after c1's 45A04 ended at C) is a return to care:
    /// C returns 1 of 2; per municipality (0308) only b2 and b3 remain: B has 2 clients, 2000.
    @Test func benchmarkPerAanbiederEnGemeente() throws {
        let g = try ContractTests.benchmarkregio().store.gegevens()
        let van = Self.dag("2019-01-01"), tot = Self.dag("2019-12-31"), pd = Self.dag("2021-06-30")
        let (rijen, _) = Aanbiedersbenchmark.bereken(g, van: van, tot: tot, niveau: .aanbieder, peildatum: pd, instellingen: Self.instellingen())
        let c = try #require(rijen.first { $0.agb == "75000003" })
        #expect((c.teruggekeerd, c.terugkeerBasis) == (1, 2))
        #expect(c.vergelijkingsgroep == "AMB")
        let (perGemeente, totaal) = Aanbiedersbenchmark.bereken(g, van: van, tot: tot, niveau: .aanbieder, gemeente: "0308",
                                                                peildatum: pd, instellingen: Self.instellingen())
        #expect(perGemeente.map(\.agb) == ["75000002"])
        #expect(perGemeente.first?.clienten == 2 && totaal.kosten == Euro(euro: 2000))
        // without a full follow-up year nothing is measured: with the valuation date 2019-12-31 no return base
        let (kort, _) = Aanbiedersbenchmark.bereken(g, van: van, tot: tot, niveau: .product, peildatum: Self.dag("2019-12-31"),
                                                    instellingen: Self.instellingen())
        #expect(kort.allSatisfy { $0.terugkeerBasis == 0 })
    }

    // MARK: norm budgets

    /// 2019 on 2019-07-31: complete months end by 2019-07-31 - 90 days = 2019-05-02, so January-April (4).
    /// A (all lots, norm 10,000): Jan-Apr 4 x 1000, May 500; a line submitted 2019-08-15 and a rejected one do not count.
    ///   realisation 4500, forecast 4000 x 12 / 4 = 12,000 > 10,000: "dreigt".
    /// B (lot AMB, norm 3000): Jan 2000, Feb 1500 (its VBJ line of 5000 is another lot): realisation 3500 > 3000:
    ///   "overschreden"; forecast 3500 x 12 / 4 = 10,500.
    /// C (norm 50,000): Jan 1000: forecast 3000, no signal.
    /// Total: norms 63,000, realisation 9000, forecast 25,500.
    @Test func normbudgetten() throws {
        let r = try ContractTests.regio()
        try r.laad("toewijzingen.csv", Self.twKop + """

            TA,a,0307,75000001,45,45A04,2019-01-01,,,,12000,02,,2018-12-20
            TB,b,0307,75000002,45,45A04,2019-01-01,,,,12000,02,,2018-12-20
            TBV,b,0307,75000002,43,43A01,2019-03-01,2019-03-31,,,5000,02,,2018-12-20
            TC,c,0307,75000003,45,45A04,2019-01-01,,,,12000,02,,2018-12-20

            """)
        try r.laad("declaraties.csv", Self.declKop + """

            DA,1,TA,a,0307,75000001,45,45A04,2019-01-01,2019-01-31,1,1000,toegekend,2019-02-10
            DA,2,TA,a,0307,75000001,45,45A04,2019-02-01,2019-02-28,1,1000,toegekend,2019-03-10
            DA,3,TA,a,0307,75000001,45,45A04,2019-03-01,2019-03-31,1,1000,toegekend,2019-04-10
            DA,4,TA,a,0307,75000001,45,45A04,2019-04-01,2019-04-30,1,1000,toegekend,2019-05-10
            DA,5,TA,a,0307,75000001,45,45A04,2019-05-01,2019-05-31,1,500,ingediend,2019-06-10
            DA,6,TA,a,0307,75000001,45,45A04,2019-02-01,2019-02-28,1,700,ingediend,2019-08-15
            DA,7,TA,a,0307,75000001,45,45A04,2019-03-01,2019-03-31,1,999,afgewezen,2019-04-10
            DB,1,TB,b,0307,75000002,45,45A04,2019-01-01,2019-01-31,1,2000,toegekend,2019-02-10
            DB,2,TB,b,0307,75000002,45,45A04,2019-02-01,2019-02-28,1,1500,toegekend,2019-03-10
            DB,3,TBV,b,0307,75000002,43,43A01,2019-03-01,2019-03-31,1,5000,toegekend,2019-04-10
            DC,1,TC,c,0307,75000003,45,45A04,2019-01-01,2019-01-31,1,1000,toegekend,2019-02-10

            """)
        try r.laad("normbudgetten.csv", "agb,jaar,perceel,normbudget\n75000001,2019,,10000\n75000002,2019,AMB,3000\n75000003,2019,,50000\n75000001,2020,,99999\n")
        let g = try r.store.gegevens()
        #expect(g.normbudgetten.count == 4)
        #expect(g.normbudgetten.contains(Normbudgetafspraak(agb: "75000002", jaar: 2019, perceel: "AMB", bedrag: Euro(euro: 3000))))
        let (rijen, totaal) = Normbudgetbewaking.bereken(g, jaar: 2019, peildatum: Self.dag("2019-07-31"))
        func rij(_ agb: String) throws -> Normbudgetstand { try #require(rijen.first { $0.agb == agb }) }
        let a = try rij("75000001"), b = try rij("75000002"), c = try rij("75000003")
        #expect(rijen.count == 3)
        #expect(a.completeMaanden == 4)
        #expect(a.realisatie == Euro(euro: 4500) && a.realisatieCompleet == Euro(euro: 4000) && a.prognose == Euro(euro: 12000))
        #expect(a.signaal == .dreigt && a.verschil == Euro(euro: 2000))
        #expect(b.perceel == "AMB" && b.realisatie == Euro(euro: 3500) && b.prognose == Euro(euro: 10500) && b.signaal == .overschreden)
        #expect(c.prognose == Euro(euro: 3000) && c.signaal == nil)
        #expect(totaal.normbudget == Euro(euro: 63000) && totaal.realisatie == Euro(euro: 9000) && totaal.prognose == Euro(euro: 25500))
        #expect(totaal.realisatie == rijen.map(\.realisatie).som())
        // overruns first: B (3500/3000 realised, 10,500 forecast = 350%) before A (120%) before C (6%)
        #expect(rijen.map(\.agb) == ["75000002", "75000001", "75000003"])
        // after the year plus 90 days every month is complete: the forecast is the realisation (A: 4500 + the late 700)
        let (later, _) = Normbudgetbewaking.bereken(g, jaar: 2019, peildatum: Self.dag("2020-04-30"))
        #expect(later.first { $0.agb == "75000001" }?.prognose == Euro(euro: 5200))
        // before the first complete month: no forecast
        let (vroeg, _) = Normbudgetbewaking.bereken(g, jaar: 2019, peildatum: Self.dag("2019-03-31"))
        #expect(vroeg.allSatisfy { $0.prognose == nil && $0.completeMaanden == 0 })
    }

    /// Every broken row refused at its own line and column; the file is stored whole or not at all.
    @Test(arguments: Backend.alle) func normbudgettenImport(_ backend: Backend) throws {
        let r = try ContractTests.regio(backend)
        let fout = r.verslag("nb.csv", """
            agb,jaar,perceel,normbudget
            75009999,2019,,1000
            75000001,2019,,-5
            75000001,2019,XYZ,10
            75000002,2019,AMB,100
            75000002,2019,AMB,200
            75000002,2019,,12.345

            """)
        #expect(fout.soort == .normbudgetten)
        #expect(fout.fouten.map(\.description) == [
            "nb.csv:2: agb: onbekende aanbieder '75009999' (importeer eerst aanbieders)",
            "nb.csv:3: normbudget: negatief normbudget -5",
            "nb.csv:4: perceel: onbekend perceel 'XYZ'",
            "nb.csv:6: agb+jaar+perceel: dubbele sleutel '75000002/2019/AMB' (ook op regel 5)",
            "nb.csv:7: normbudget: ongeldig bedrag '12.345' (hooguit twee decimalen; '1.234' is dubbelzinnig: schrijf 1234 of 1.234,00)",
        ])
        #expect(!fout.geschreven)
        #expect(try r.store.aantal(.normbudgetten) == 0)
        let goed = try r.laad("nb.csv", "agb;jaar;normbudget\n75000001;2019;1.234,56\n")
        #expect(goed.telling.toegevoegd == 1)
        #expect(try r.store.gegevens().normbudgetten == [Normbudgetafspraak(agb: "75000001", jaar: 2019, bedrag: Euro(centen: 123_456))])
        // the same file again changes nothing
        #expect(try r.laad("nb.csv", "agb;jaar;normbudget\n75000001;2019;1.234,56\n").telling.ongewijzigd == 1)
    }

    // MARK: market analysis

    /// 2019: Ambulant (AMB) P1 5000, P2 2000, P3 1000, P4 1000, P5 500, P6 500 = 10,000; Verblijf (VBJ) P1 30,000.
    /// Spend shares 25% / 75%; clients 6 and 1 of 7 unique: 85.7% / 14.3% (the "16% of spend to 3% of clients" pattern).
    /// Ambulant top-5 = 9500 / 10,000 = 95%; HHI = .5² + .2² + .1² + .1² + .05² + .05² = .315 (3150 points).
    /// Verblijf: one provider, top-5 100%, HHI 1. Referrers: Ambulant P1 via the municipality (01), the rest via a GP:
    /// grip 5000 / 10,000 = 50%; Verblijf via the GI: grip 0%, GI 100%.
    /// Kraljic (two segments with spend: impact threshold 50%): Verblijf 75% and 1 provider: strategisch; Ambulant 25%,
    /// 6 providers but HHI .315 >= .25: knelpunt; with the HHI threshold at .5: routine.
    /// Growth: Ambulant 2018 4000 (P1) -> 10,000 = +150%; P1 4000 -> 35,000 = +775%.
    static func marktregio() throws -> Proefregio {
        let r = try regio()
        var tw = twKop, decl = declKop
        let regels: [(String, String, String, String, Int, String)] = [   // client, agb, product, referrer, euro, year
            ("p1", "75000001", "45A04", "01", 5000, "2019"), ("p2", "75000002", "45A04", "02", 2000, "2019"),
            ("p3", "75000003", "45A04", "02", 1000, "2019"), ("p4", "75000004", "45A04", "02", 1000, "2019"),
            ("p5", "75000005", "45A04", "02", 500, "2019"), ("p6", "75000006", "45A04", "02", 500, "2019"),
            ("v1", "75000001", "43A01", "04", 30000, "2019"), ("p0", "75000001", "45A04", "01", 4000, "2018"),
        ]
        for (i, x) in regels.enumerated() {
            let cat = String(x.2.prefix(2))
            tw += "\nT\(i),\(x.0),0307,\(x.1),\(cat),\(x.2),\(x.5)-03-01,\(x.5)-03-31,,,,\(x.3),,\(x.5)-02-20"
            decl += "\nD\(i),1,T\(i),\(x.0),0307,\(x.1),\(cat),\(x.2),\(x.5)-03-01,\(x.5)-03-31,1,\(x.4),toegekend,\(x.5)-04-15"
        }
        try r.laad("toewijzingen.csv", tw + "\n")
        try r.laad("declaraties.csv", decl + "\n")
        return r
    }

    @Test func markt() throws {
        let g = try ContractTests.marktregio().store.gegevens()
        let m = Marktanalyse.bereken(g, jaar: 2019)
        #expect(m.segmenten.map(\.segment) == ["Verblijf", "Ambulant"])
        let v = m.segmenten[0], a = m.segmenten[1]
        #expect(a.kosten == Euro(euro: 10000) && v.kosten == Euro(euro: 30000))
        #expect(a.kostenaandeel == 0.25 && v.kostenaandeel == 0.75)
        #expect(a.clienten == 6 && v.clienten == 1 && m.totaal.clienten == 7)
        #expect(abs(v.clientaandeel! - 1.0 / 7) < 1e-12)
        #expect(a.aanbieders == 6 && v.aanbieders == 1)
        #expect(abs(a.top5Aandeel! - 0.95) < 1e-12 && v.top5Aandeel == 1)
        #expect(abs(a.herfindahl! - 0.315) < 1e-12 && v.herfindahl == 1)
        #expect(a.grip == 0.5 && v.grip == 0 && v.verwijzeraandeel(["04"]) == 1)
        #expect(v.kraljic == .strategisch && a.kraljic == .knelpunt)
        var ruim = Contractinstellingen()
        ruim.kraljicHerfindahl = 0.5
        #expect(Marktanalyse.bereken(g, jaar: 2019, instellingen: ruim).segmenten[1].kraljic == .routine)
        // the total is the sum of the segments; region-wide P1 has 35,000 of 40,000
        #expect(m.totaal.kosten == m.segmenten.map(\.kosten).som())
        #expect(m.totaal.aanbieders == 6)
        let hhiRegio = 0.875 * 0.875 + 0.05 * 0.05 + 2 * 0.025 * 0.025 + 2 * 0.0125 * 0.0125
        #expect(abs(m.totaal.herfindahl! - hhiRegio) < 1e-12)
        // growth
        #expect(m.jaren == [2018, 2019])
        let groeiAmbulant = try #require(m.groeiSegmenten.first { $0.sleutel == "Ambulant" })
        #expect(groeiAmbulant.perJaar[2018] == Euro(euro: 4000) && groeiAmbulant.groei(2019) == 1.5)
        #expect(m.groeiSegmenten.first { $0.sleutel == "Verblijf" }?.groei(2019) == nil)
        #expect(m.groeiAanbieders.first?.sleutel == "75000001" && m.groeiAanbieders.first?.groei(2019) == 7.75)
        // the chart places both segments
        let svg = SVGGrafiek.kraljic(m)
        #expect(svg.hasPrefix("<svg") && svg.contains(">Verblijf</text>") && svg.contains(">Ambulant</text>"))
        // residential vs ambulant: 30,000 of 40,000 and 1 of 7 clients residential in 2019
        let vorm = Doorlooptijden.verschuiving(g, jaren: 2018...2019)
        #expect(vorm[1].residentieelKosten == 0.75 && vorm[1].residentieelClienten == 1.0 / 7)
        #expect(vorm[0].kosten[.ambulant] == Euro(euro: 4000) && vorm[0].residentieelKosten == 0)
    }

    // MARK: client flow

    /// Provider A, 45A04 (weekly), 2019, waiting measured on 2019-12-31:
    /// 1. V1 in 01-01, T1 allocated 01-11 (10 d), first declaration 02-10: waited 30; T1 ends 03-31, last line 03-20:
    ///    care 02-10..03-20 = 19 + 20 = 39 days.
    /// 2. V2 in 03-01, T2 allocated 03-21 (20 d) to start 04-01; first line 05-01: waited 30 (from 04-01); runs on.
    /// 3. V3 in 05-01, T3 allocated 05-31 (30 d), retroactive from 05-01; JW305 07-30 beats the line of 07-01:
    ///    waited 60; JW307 09-30: care 07-30..09-30 = 2 + 31 + 30 = 63 days.
    /// 4. T4 allocated 10-01 (0308), no start: waiting 91 days on 12-31.   5. T5 allocated 12-01, no start: waiting 30.
    /// 6. T6 output product (45A06, frequency 6) allocated 11-01, not declared: start unknown, not waiting.
    /// 7. V7 in 12-11 without allocation: open 20 days.   8. V8 (period ended 07-31) without allocation: not open.
    /// Request->allocation [10, 20, 30]: median 20, p90 30. Allocation->start [30, 30, 60]: 30, 60.
    /// Duration [39, 63]: 39, 63. Waiting now [30, 91]: 2, median 30, longest 91.
    @Test func doorlooptijden() throws {
        let r = try ContractTests.regio()
        try r.laad("verzoeken.csv", """
            verzoeknummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,ontvangen_op
            V1,c1,0307,75000001,45,45A04,2019-01-11,2019-03-31,2019-01-01
            V2,c2,0307,75000001,45,45A04,2019-04-01,,2019-03-01
            V3,c3,0307,75000001,45,45A04,2019-05-01,2019-09-30,2019-05-01
            V7,c7,0307,75000001,45,45A04,2019-12-15,,2019-12-11
            V8,c8,0307,75000001,45,45A04,2019-06-01,2019-07-31,2019-06-01

            """)
        try r.laad("toewijzingen.csv", Self.twKop + """

            T1,c1,0307,75000001,45,45A04,2019-01-11,2019-03-31,2,2,,02,V1,2019-01-11
            T2,c2,0307,75000001,45,45A04,2019-04-01,,2,2,,02,V2,2019-03-21
            T3,c3,0307,75000001,45,45A04,2019-05-01,2019-12-31,2,2,,02,V3,2019-05-31
            T4,c4,0308,75000001,45,45A04,2019-10-01,,2,2,,01,,2019-10-01
            T5,c5,0307,75000001,45,45A04,2019-12-01,,2,2,,01,,2019-12-01
            T6,c6,0307,75000001,45,45A06,2019-11-01,,1,6,,01,,2019-11-01

            """)
        try r.laad("declaraties.csv", Self.declKop + """

            D1,1,T1,c1,0307,75000001,45,45A04,2019-02-10,2019-02-28,2,100,toegekend,2019-03-10
            D1,2,T1,c1,0307,75000001,45,45A04,2019-03-01,2019-03-20,2,100,toegekend,2019-04-10
            D2,1,T2,c2,0307,75000001,45,45A04,2019-05-01,2019-05-31,2,100,toegekend,2019-06-10
            D3,1,T3,c3,0307,75000001,45,45A04,2019-07-01,2019-07-31,2,100,toegekend,2019-08-10

            """)
        let g = try r.store.gegevens()
        let jw305 = Levering(toewijzingnummer: "T3", begindatum: Self.dag("2019-07-30"), client: "c3", gemeentecode: "0307",
                             agb: "75000001", productcategorie: "45", productcode: "45A04", einddatum: Self.dag("2019-09-30"),
                             gestartOp: Self.dag("2019-08-01"), gestoptOp: Self.dag("2019-10-01"))
        let trajecten = Doorlooptijden.trajecten(g, leveringen: [jw305], stand: Self.dag("2020-01-31"))
        func t(_ nr: String) throws -> Traject { try #require(trajecten.first { $0.toewijzingnummer == nr }) }
        #expect(try t("T1").einde == Self.dag("2019-03-20") && t("T1").eindBron == .declaratie && t("T1").duur == 39)
        #expect(try t("T3").start == Self.dag("2019-07-30") && t("T3").startBron == .ijw && t("T3").duur == 63)
        #expect(try t("T2").wachtOp(Self.dag("2019-04-15")) == 14)   // from the start date 04-01, care from 05-01
        #expect(try t("T2").einde == nil)

        let van = Self.dag("2019-01-01"), tot = Self.dag("2019-12-31")
        let (rijen, totaal) = Doorlooptijden.wachttijden(trajecten, verzoeken: g.verzoeken, van: van, tot: tot, peildatum: tot,
                                                         per: .aanbieder)
        #expect(rijen.count == 1)
        #expect(totaal.toewijzingen == 6)
        #expect(totaal.verzoekTotToewijzing.sorted() == [10, 20, 30])
        #expect(totaal.verzoekTotToewijzing.percentiel(50) == 20 && totaal.verzoekTotToewijzing.percentiel(90) == 30)
        #expect(totaal.toewijzingTotStart.sorted() == [30, 30, 60] && totaal.toewijzingTotStart.percentiel(90) == 60)
        #expect(totaal.duur.sorted() == [39, 63])
        #expect(totaal.wachtendNu.sorted() == [30, 91] && totaal.wachtendNu.percentiel(50) == 30)
        #expect(totaal.verzoekenOpen == [20] && totaal.startOnbekend == 1)

        // per municipality the rows add up to the total
        let (perGemeente, t2) = Doorlooptijden.wachttijden(trajecten, verzoeken: g.verzoeken, van: van, tot: tot, peildatum: tot,
                                                           per: .gemeente)
        #expect(perGemeente.map(\.groep) == ["0307", "0308"])
        #expect(perGemeente.map(\.toewijzingen).reduce(0, +) == t2.toewijzingen)
        #expect(perGemeente.map(\.wachtendNu.count) == [1, 1])
        #expect(perGemeente[1].wachtendNu == [91])

        // months: c1 in February, out in March; c2 in May; c3 in July, out in September; at the end of December only c2
        let m = Doorlooptijden.maandstromen(trajecten, jaar: 2019)
        #expect(m[1].instroom == 1 && m[2].uitstroom == 1 && m[4].instroom == 1 && m[6].instroom == 1 && m[8].uitstroom == 1)
        #expect(m[11].einde == 1 && m.map(\.instroom).reduce(0, +) == 3)
    }
}
