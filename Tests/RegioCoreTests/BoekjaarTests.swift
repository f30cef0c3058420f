import Testing
@testable import RegioCore

/// Booking year against care year, the accrual and its backtest, and p x q between two years from the lines: worked
/// by hand.
@Suite struct BoekjaarTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }
    static func e(_ s: String) -> Euro { Euro.parse(s)! }

    static func regel(_ gemeente: String, _ van: String, _ tot: String, _ bedrag: String, ingediend: String, client: String = "C1",
                      code: String = "45A04", credit: Bool = false, afgewezen: Bool = false) -> Declaratieregel {
        Declaratieregel(declaratienummer: "D", referentienummer: "R-\(van)-\(ingediend)-\(bedrag)-\(client)", toewijzingnummer: "T",
                        client: client, gemeentecode: gemeente, agb: "12345678", productcategorie: String(code.prefix(2)),
                        productcode: code, begindatum: d(van), einddatum: d(tot), bedrag: e(bedrag),
                        debetCredit: credit ? .credit : .debet, status: afgewezen ? .afgewezen : .ingediend, ingediendOp: d(ingediend))
    }

    static func referentie() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp"), Gemeente(code: "0002", naam: "Beestad")]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true)]
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: e("100"), jaar: 2019),
                       Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: e("110"), jaar: 2020),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: e("250"))]
        return g
    }

    /// Booked in 2020: Beestad's December 2019 (1.000,00), a line over New Year of 3.100,00 for 16 + 15 days
    /// (1.600,00 in 2019, 1.500,00 in 2020), March 2020 500,00 and its credit 200,00. Not booked in 2020: June 2019
    /// (booked 2019), December 2020 (booked January 2021), a rejected line. So care year 2019: 2.600,00 and care year
    /// 2020: 1.800,00, booked total 4.400,00; per municipality Aadorp 1.600,00 + 1.800,00 and Beestad 1.000,00.
    @Test func geboektNaarZorgjaar() throws {
        var g = Self.referentie()
        g.declaraties = [
            Self.regel("0002", "2019-12-01", "2019-12-31", "1000.00", ingediend: "2020-01-15"),
            Self.regel("0001", "2019-12-16", "2020-01-15", "3100.00", ingediend: "2020-02-01"),
            Self.regel("0001", "2020-03-01", "2020-03-31", "500.00", ingediend: "2020-04-01"),
            Self.regel("0001", "2020-03-01", "2020-03-31", "200.00", ingediend: "2020-05-01", credit: true),
            Self.regel("0001", "2019-06-01", "2019-06-30", "400.00", ingediend: "2019-07-01"),
            Self.regel("0001", "2020-12-01", "2020-12-31", "700.00", ingediend: "2021-01-10"),
            Self.regel("0001", "2020-06-01", "2020-06-30", "999.00", ingediend: "2020-07-01", afgewezen: true),
        ]
        let v = try Boekjaar.verdeling(g, jaar: 2020)
        #expect(v.regels.map(\.zorgjaar) == [2019, 2020])
        #expect(v.regels.map(\.bedrag) == [Self.e("2600.00"), Self.e("1800.00")])
        #expect(v.totaal == Self.e("4400.00") && v.voorgaandeJaren == Self.e("2600.00"))

        let p = try Boekjaar.verdeling(g, jaar: 2020, per: .gemeente)
        #expect(p.regels == [.init(groep: "0001", zorgjaar: 2019, bedrag: Self.e("1600.00")),
                             .init(groep: "0001", zorgjaar: 2020, bedrag: Self.e("1800.00")),
                             .init(groep: "0002", zorgjaar: 2019, bedrag: Self.e("1000.00"))])
        #expect(p.groepstotalen == ["0001": Self.e("3400.00"), "0002": Self.e("1000.00")])
        #expect(p.totaal == v.totaal)
        #expect(try Boekjaar.verdeling(g, jaar: 2020, gemeente: "0002").totaal == Self.e("1000.00"))

        // the table's rows add up to its footer, to the cent
        let t = p.tabel(per: .gemeente)
        let kolom = t.kolommen.firstIndex { $0.naam == "bedrag" }!
        #expect(t.rijen.map { Self.e($0[kolom].machine) }.som() == Self.e(t.voet[0][kolom].machine))
        #expect(t.rijen.map { $0[t.kolommen.firstIndex { $0.naam == "soort" }!].machine } ==
                ["kosten voorgaande jaren", "lopend jaar", "kosten voorgaande jaren"])
    }

    /// A task-based AMB contract of the provider 12345678 (issue 23): its lines are not booked, its payments are, on
    /// their day (a payment belongs to the contract of its own year). Paid in 2020: 30.000,00 on 20-01 and 30.000,00 on
    /// 25-03 by the region, 10.000,00 on 25-03 by Beestad; the region's split by the macro-budget 3 : 1: Aadorp 45.000,00,
    /// Beestad 15.000,00 + 10.000,00. The payment of 20-12-2019 is booked in 2019. Aadorp's AMB line of 500,00 falls
    /// away; Beestad's VBJ line of 80,00 stays. So Aadorp 45.000,00 and Beestad 25.080,00, all care year 2020.
    @Test func contractbetalingenGeboektOpHunDag() throws {
        var g = Self.referentie()
        g.gemeentecijfers = [2019, 2020].flatMap { j in
            [Gemeentecijfers(gemeentecode: "0001", jaar: j, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: Self.e("3000000")),
             Gemeentecijfers(gemeentecode: "0002", jaar: j, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: Self.e("1000000"))]
        }
        g.declaraties = [Self.regel("0001", "2020-03-01", "2020-03-31", "500.00", ingediend: "2020-04-01"),
                         Self.regel("0002", "2020-03-01", "2020-03-31", "80.00", ingediend: "2020-04-01", code: "43A01")]
        g.contracten = [Contract(jaar: 2019, perceel: "AMB", agb: "12345678", vorm: .taakgericht, contractsom: Self.e("60000")),
                        Contract(jaar: 2020, perceel: "AMB", agb: "12345678", vorm: .taakgericht, contractsom: Self.e("120000"))]
        g.betalingen = [Betaling(datum: Self.d("2019-12-20"), agb: "12345678", perceel: "AMB", bedrag: Self.e("30000")),
                        Betaling(datum: Self.d("2020-01-20"), agb: "12345678", perceel: "AMB", bedrag: Self.e("30000")),
                        Betaling(datum: Self.d("2020-03-25"), agb: "12345678", perceel: "AMB", bedrag: Self.e("30000")),
                        Betaling(datum: Self.d("2020-03-25"), agb: "12345678", perceel: "AMB", bedrag: Self.e("10000"), gemeentecode: "0002")]
        let p = try Boekjaar.verdeling(g, jaar: 2020, per: .gemeente)
        let perGroep = Dictionary(uniqueKeysWithValues: p.regels.map { ("\($0.groep ?? "")|\($0.zorgjaar)", $0.bedrag) })
        #expect(perGroep == ["0001|2020": Self.e("45000"), "0002|2020": Self.e("25080")])
        let v = try Boekjaar.verdeling(g, jaar: 2020, per: .perceel)
        #expect(Dictionary(uniqueKeysWithValues: v.regels.map { ("\($0.groep ?? "")|\($0.zorgjaar)", $0.bedrag) })
                == ["AMB|2020": Self.e("70000"), "VBJ|2020": Self.e("80")])
        #expect(try Boekjaar.verdeling(g, jaar: 2019).totaal == Self.e("30000"))
    }

    /// Every month of 2016-2020 costs 1.000,00: 500,00 submitted in the month itself and 500,00 on the 10th of the
    /// next. On 31-12-2019 everything of 2019 is in except December's second half: the development factor of the
    /// service month is exactly 2, so 500,00 is still to come, and 500,00 came in January 2020.
    @Test func overloopEnTerugtoets() throws {
        var g = Self.referentie()
        for j in 2016...2020 {
            for m in 1...12 {
                let maand = Maand(jaar: j, maand: m)
                let van = maand.eersteDag.description, tot = maand.laatsteDag.description
                g.declaraties.append(Self.regel("0001", van, tot, "500.00", ingediend: maand.laatsteDag.description))
                let volgende = maand + 1
                g.declaraties.append(Self.regel("0001", van, tot, "500.00", ingediend: "\(volgende.description)-10", client: "C2"))
            }
        }
        let basis = Jaarprognose.Basis(g, per: .regio)
        let o = try Boekjaar.overloop(basis, zorgjaar: 2019, eindeGegevens: Self.d("2021-01-10"))
        #expect(o.gedeclareerd == Self.e("11500.00"))
        #expect(o.verwacht == Self.e("500.00"))
        #expect(o.werkelijk == Self.e("500.00"))
        #expect(o.binnenInterval == true)
        // 2020 is not yet complete on the last day with data: no backtest answer
        let nu = try Boekjaar.overloop(basis, zorgjaar: 2020, eindeGegevens: Self.d("2021-01-10"))
        #expect(nu.werkelijk == nil && nu.verwacht == Self.e("500.00"))
    }

    /// Per municipality on the region's pattern: Aadorp as above (1.000,00 a month in two halves), Beestad 500,00 a month
    /// (250,00 + 250,00). On 31-12-2019 December's factor is exactly 2: Aadorp 500,00 still to come, Beestad 250,00, and
    /// that is what came in. A municipality without lines has nothing to book.
    @Test func overloopPerGemeente() throws {
        var g = Self.referentie()
        g.gemeenten.append(Gemeente(code: "0003", naam: "Cedorp"))
        for (gemeente, helft) in [("0001", "500.00"), ("0002", "250.00")] {
            for j in 2016...2020 {
                for m in 1...12 {
                    let maand = Maand(jaar: j, maand: m)
                    let van = maand.eersteDag.description, tot = maand.laatsteDag.description
                    g.declaraties.append(Self.regel(gemeente, van, tot, helft, ingediend: maand.laatsteDag.description))
                    g.declaraties.append(Self.regel(gemeente, van, tot, helft, ingediend: "\((maand + 1).description)-10", client: "C2"))
                }
            }
        }
        let basis = Jaarprognose.Basis(g, per: .gemeente)
        let o = try Boekjaar.overloop(basis, zorgjaar: 2019, eindeGegevens: Self.d("2021-01-10"), groepen: ["0001", "0002", "0003"])
        #expect(o.map(\.groep) == ["0001", "0002", "0003"])
        #expect(o.map(\.gedeclareerd) == [Self.e("11500.00"), Self.e("5750.00"), .nul])
        #expect(o.map(\.verwacht) == [Self.e("500.00"), Self.e("250.00"), .nul])
        #expect(o.map(\.werkelijk) == [Self.e("500.00"), Self.e("250.00"), .nul])
        // the region is the sum of its municipalities
        let regio = try Boekjaar.overloop(Jaarprognose.Basis(g, per: .regio), zorgjaar: 2019, eindeGegevens: Self.d("2021-01-10"))
        #expect(regio.verwacht == Self.e("750.00") && regio.gedeclareerd == Self.e("17250.00"))
        let t = Boekjaar.Overloop.tabel(o, namen: ["0001": "Aadorp"])
        #expect(t.kolommen.first?.naam == "gemeente" && t.rijen[0][1].tekst == "Aadorp")
    }

    /// AMB: 2019 two clients of 10 x 100 = 1.000,00 (2.000,00); 2020 three clients of 12 x 110 = 1.320,00 (3.960,00).
    /// At 2019's tariff 2020 costs 3.960 x 100/110 = 3.600,00: volume 2.000 x 1/2 = 1.000,00, price 360,00,
    /// intensity 1.960 - 1.000 - 360 = 600,00 (= 3.600 - 3 x 1.000). VBJ: one client of 5.000,00 in 2019 only:
    /// volume -5.000,00. A rejected line counts nowhere. Total -3.040,00 = -4.000,00 + 600,00 + 360,00.
    @Test func verschilTussenJarenUitDeRegels() throws {
        var g = Self.referentie()
        g.declaraties = [
            Self.regel("0001", "2019-03-01", "2019-03-31", "1000.00", ingediend: "2019-04-01", client: "A"),
            Self.regel("0002", "2019-05-01", "2019-05-31", "1000.00", ingediend: "2019-06-01", client: "B"),
            Self.regel("0001", "2019-05-01", "2019-05-31", "5000.00", ingediend: "2019-06-01", client: "A", code: "43A01"),
            Self.regel("0001", "2020-03-01", "2020-03-31", "1320.00", ingediend: "2020-04-01", client: "A"),
            Self.regel("0001", "2020-04-01", "2020-04-30", "1320.00", ingediend: "2020-05-01", client: "C"),
            Self.regel("0002", "2020-05-01", "2020-05-31", "1320.00", ingediend: "2020-06-01", client: "D"),
            Self.regel("0002", "2020-06-01", "2020-06-30", "9999.00", ingediend: "2020-07-01", client: "D", afgewezen: true),
        ]
        let v = Verschilanalyse(g, van: 2019, naar: 2020, per: .perceel)
        let amb = v.regels.first { $0.groep == "AMB" }!, vbj = v.regels.first { $0.groep == "VBJ" }!
        #expect((amb.clientenA, amb.clientenB, amb.kostenA, amb.kostenB) == (2, 3, Self.e("2000.00"), Self.e("3960.00")))
        #expect((amb.volume, amb.intensiteit, amb.prijs) == (Self.e("1000.00"), Self.e("600.00"), Self.e("360.00")))
        #expect((vbj.volume, vbj.intensiteit, vbj.prijs) == (Self.e("-5000.00"), .nul, .nul))
        #expect((v.totaal.volume, v.totaal.intensiteit, v.totaal.prijs) == (Self.e("-4000.00"), Self.e("600.00"), Self.e("360.00")))
        #expect(v.totaal.verschil == Self.e("-3040.00"))
        #expect((v.totaal.clientenA, v.totaal.clientenB) == (2, 3))
        // one municipality: Beestad's AMB, 1 client of 1.000,00 -> 1 of 1.320,00: all price (1.320 x 100/110 = 1.200: 120,00)
        // and intensity (200,00)
        let b = Verschilanalyse(g, van: 2019, naar: 2020, per: .perceel, gemeente: "0002").regels
        #expect(b.count == 1 && (b[0].volume, b[0].intensiteit, b[0].prijs) == (.nul, Self.e("200.00"), Self.e("120.00")))
        // per product and per municipality the effects add up to the same total
        for per in Verschilanalyse.Groepering.allCases {
            let x = Verschilanalyse(g, van: 2019, naar: 2020, per: per)
            #expect(x.totaal.verschil == Self.e("-3040.00"), "\(per)")
            for r in x.regels { #expect(r.volume + r.intensiteit + r.prijs == r.verschil, "\(per) \(r.groep)") }
        }
    }
}
