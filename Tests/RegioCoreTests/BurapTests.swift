import Testing
@testable import RegioCore

/// The Burap of one municipality and the budget / forecast sides of the p x q split, worked by hand.
@Suite struct BurapTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }
    static func e(_ s: String) -> Euro { Euro.parse(s)! }

    /// Aadorp (0001): client A in AMB (45A04, 10 units a month at 100,00) and client B in VBJ (43A01, 4 units a month at
    /// 250,00); Beestad (0002): client C in AMB. Each is allocated from 2016 (open end) and costs 1.000,00 a month,
    /// declared in two halves: 500,00 on the month's last day and 500,00 on the 10th of the next month. Tariffs do not
    /// change. The data run to 30-06-2020.
    static func regio() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp"), Gemeente(code: "0002", naam: "Beestad")]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true)]
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: e("100")),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: e("250"))]
        let wie: [(client: String, gemeente: String, code: String, volume: Int64)] = [("A", "0001", "45A04", 10), ("B", "0001", "43A01", 4), ("C", "0002", "45A04", 10)]
        let einde = d("2020-06-30")
        for w in wie {
            g.toewijzingen.append(Toewijzing(toewijzingnummer: "T\(w.client)", client: w.client, gemeentecode: w.gemeente, agb: "12345678",
                                             productcategorie: String(w.code.prefix(2)), productcode: w.code, ingangsdatum: d("2016-01-01"),
                                             volume: w.volume, eenheid: "04", frequentie: .perMaand, toewijzingsdatum: d("2016-01-01")))
            var m = Maand(jaar: 2016, maand: 1)
            while m.eersteDag <= einde {
                for (i, ingediend) in [m.laatsteDag, Dag(jaar: (m + 1).jaar, maand: (m + 1).maand, dag: 10)!].enumerated() where ingediend <= einde {
                    g.declaraties.append(Declaratieregel(
                        declaratienummer: "D", referentienummer: "R\(w.client)\(m)\(i)", toewijzingnummer: "T\(w.client)", client: w.client,
                        gemeentecode: w.gemeente, agb: "12345678", productcategorie: String(w.code.prefix(2)), productcode: w.code,
                        begindatum: m.eersteDag, einddatum: m.laatsteDag, bedrag: e("500.00"), debetCredit: .debet, status: .ingediend,
                        ingediendOp: ingediend))
                }
                m = m + 1
            }
        }
        // AMB: primitive 11.000 (10-11-2019), raised at the first Burap to 11.500 (25-06-2020) and at the second to 12.500
        // (10-11-2020, after the valuation date); VBJ: 13.000, primitive only. Beestad's budget is not Aadorp's.
        g.budgetten = [Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: e("11000"), versie: "primitief", vastgesteldOp: d("2019-11-10")),
                       Budget(jaar: 2020, gemeentecode: "0001", perceel: "VBJ", bedrag: e("13000"), versie: "primitief", vastgesteldOp: d("2019-11-10")),
                       Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: e("11500"), versie: "1e burap", vastgesteldOp: d("2020-06-25")),
                       Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: e("12500"), versie: "2e burap", vastgesteldOp: d("2020-11-10")),
                       Budget(jaar: 2020, gemeentecode: "0002", perceel: "AMB", bedrag: e("99000"), versie: "primitief", vastgesteldOp: d("2019-11-10"))]
        return g
    }

    static func signaal(_ id: Int64, _ gemeente: String, _ bedrag: String?, status: Signaalstatus = .nieuw) -> BeheerdSignaal {
        BeheerdSignaal(id: id, signaal: Signaal(regel: "KOSTEN-HOOG", sleutel: "K\(id)", gemeentecode: gemeente, client: "A", perceel: "AMB",
                                                bedrag: bedrag.map(e), peildag: d("2020-06-30"), toelichting: "signaal \(id)"),
                       status: status, eersteKeer: d("2020-06-30"), laatstActief: d("2020-06-30"))
    }

    /// On 30-06-2020 every month up to May is complete (1.000,00), June half (500,00): declared 5.500,00 per lot. The
    /// triangle's factors are exactly 2 (delay 0 to 1) and 1, so June develops to 1.000,00. The prior is the
    /// commitment (1.000,00 a month) x last year's utilisation (12.000 / 12.000 = 1) x the retroactive factor (1):
    /// Bornhuetter-Ferguson gives June 500 + (1 - 1/2) x 1.000 = 1.000,00 and July-December the prior, so 12.000,00 per
    /// lot, 24.000,00 for Aadorp. Beestad shapes the pattern but is no row.
    /// Budget in force: AMB 11.500 (1e burap; the 2e burap comes later), VBJ 13.000 = 24.500; primitive 11.000 + 13.000.
    /// Expected: AMB 500,00 short, VBJ 1.000,00 over, Aadorp 500,00 over.
    /// Booked in 2020 up to 30-06: per lot December 2019's second half (500,00, earlier years) and 5.500,00 of 2020.
    /// p x q against the budget, AMB: last year's care 12.000,00 for one client at unchanged tariffs, scaled to the
    /// budget: round(1 x 11.500 / 12.000) = 1 client; expected 1 client (1 so far x 1/1 last year): volume 0, price 0,
    /// intensity 500,00. VBJ: round(13.000 / 12.000) = 1 client: intensity -1.000,00.
    @Test func burapVanEenGemeente() throws {
        let g = Self.regio()
        let b = try Burap(g, gemeente: "0001", peildatum: Self.d("2020-06-30"),
                          signalen: [Self.signaal(1, "0001", "700.00"), Self.signaal(2, "0001", "900.00", status: .afgehandeld),
                                     Self.signaal(3, "0002", "5000.00"), Self.signaal(4, "0001", nil), Self.signaal(5, "0001", "1200.00")])
        #expect(b.regels.map(\.perceel) == ["AMB", "VBJ"])
        let amb = b.regels[0], vbj = b.regels[1]
        #expect((amb.gedeclareerd, vbj.gedeclareerd) == (Self.e("5500.00"), Self.e("5500.00")))
        #expect((amb.verwacht, vbj.verwacht) == (Self.e("12000.00"), Self.e("12000.00")))
        #expect((amb.budget, amb.primitief, vbj.budget, vbj.primitief) == (Self.e("11500"), Self.e("11000"), Self.e("13000"), Self.e("13000")))
        #expect((amb.verschil, vbj.verschil) == (Self.e("500.00"), Self.e("-1000.00")))
        #expect((amb.geboektVoorgaandeJaren, amb.geboektDitJaar) == (Self.e("500.00"), Self.e("5500.00")))
        // the municipality is the sum of its lots, to the cent
        #expect(b.totaal.verwacht == Self.e("24000.00") && b.totaal.budget == Self.e("24500") && b.totaal.primitief == Self.e("24000"))
        #expect(b.totaal.verschil == Self.e("-500.00") && b.totaal.geboektVoorgaandeJaren == Self.e("1000.00"))
        #expect(b.totaal.ondergrens <= b.totaal.verwacht && b.totaal.bovengrens >= b.totaal.verwacht)
        #expect(b.budgetversie == "1e burap (vastgesteld 25-06-2020)")

        let v = try #require(b.verklaring)
        let r = Dictionary(uniqueKeysWithValues: v.regels.map { ($0.groep, $0) })
        #expect((r["AMB"]!.clientenA, r["AMB"]!.clientenB, r["AMB"]!.kostenA, r["AMB"]!.kostenB) == (1, 1, Self.e("11500"), Self.e("12000")))
        #expect((r["AMB"]!.volume, r["AMB"]!.intensiteit, r["AMB"]!.prijs) == (.nul, Self.e("500.00"), .nul))
        #expect((r["VBJ"]!.volume, r["VBJ"]!.intensiteit, r["VBJ"]!.prijs) == (.nul, Self.e("-1000.00"), .nul))
        #expect(v.totaal.verschil == b.totaal.verschil)

        // only the open signals of Aadorp with an amount, the largest first
        #expect(b.signalen.map(\.id) == [5, 1])
        #expect(b.samenvatting[0].hasPrefix("Verwacht overschot € 500 op jeugdhulp 2020 (verwachte uitkomst € 24.000"))
        #expect(b.samenvatting[0].contains("tegen een budget van € 24.500, versie 1e burap (vastgesteld 25-06-2020). Vooral door verblijf (€ 1.000 onder budget)."))
        #expect(b.samenvatting.contains("In 2020 is tot en met 30-06-2020 € 1.000 geboekt voor zorg uit eerdere jaren (kosten voorgaande jaren)."))
        #expect(b.samenvatting.last == "De 2 open signalen met het meeste geld gaan samen over € 1.900.")

        // every table adds up to its footer, to the cent
        for t in [b.uitkomstTabel(), b.boekjaarTabel(), try #require(b.verklaringTabel())] {
            for (i, k) in t.kolommen.enumerated() where k.uitlijning == .rechts && !k.naam.hasPrefix("clienten") && !k.naam.contains("grens") {
                #expect(t.rijen.compactMap { Euro.parse($0[i].machine) }.som() == Euro.parse(t.voet[0][i].machine) ?? .nul, "\(k.naam)")
            }
        }
        // before the first Burap the primitive budget is in force: AMB 11.000, so 1.000,00 short there
        let eerder = try Burap(g, gemeente: "0001", peildatum: Self.d("2020-06-24"))
        #expect(eerder.regels[0].budget == Self.e("11000") && eerder.budgetversie == "primitief (vastgesteld 10-11-2019)")
    }

    /// In the first days of a year the data hold only the late submissions for the year before: the data end on
    /// 10-01-2020 (December 2019's second halves) and 2020 has no declarations. Without a budget for 2020 the Burap at the
    /// last stand is the one on which 2019 closed (31-12-2019): Aadorp's A and B at 12 x 1.000,00 each, less the second
    /// half of December submitted on 10-01-2020, is 23.000,00 declared. With a budget for 2020 it is the stand of
    /// 10-01-2020 itself. An explicit valuation date in such a year is refused, and says why.
    @Test func laatsteStandValtTerugOpAfgeslotenJaar() throws {
        var g = Self.regio()
        g.declaraties = g.declaraties.filter { $0.begindatum.jaar <= 2019 }
        let laatste = try #require(g.declaraties.map(\.ingediendOp).max())
        #expect(laatste == Self.d("2020-01-10"))
        let budgetten2020 = g.budgetten
        g.budgetten = []
        #expect(throws: Burap.Fout.self) { try Burap(g, gemeente: "0001", peildatum: laatste) }
        let b = try Burap.opLaatsteStand(g, gemeente: "0001", laatste: laatste)
        #expect(b.jaar == 2019 && b.peildatum == Self.d("2019-12-31"))
        #expect(b.totaal.gedeclareerd == Self.e("23000"))
        g.budgetten = budgetten2020
        let metBudget = try Burap.opLaatsteStand(g, gemeente: "0001", laatste: laatste)
        #expect(metBudget.jaar == 2020 && metBudget.peildatum == laatste)
    }

    /// The budget read as last year's care at this year's tariffs: AMB in 2019 had client A at 12.000,00 (tariff 100
    /// in both years). With a tariff of 110 in 2020 that care costs 13.200,00; a budget of 26.400 is then read as
    /// round(1 x 26.400 / 13.200) = 2 clients. Against the year 2020 as declared so far (one client, 6.050,00 at 110:
    /// 5.500,00 at 100 plus 10%), volume = (1 - 2) x 13.200 = -13.200,00 and the rest intensity; no price effect.
    @Test func begrotingAlsZorgVanVorigJaar() throws {
        var g = Self.regio()
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Self.e("100"), jaar: 2019),
                       Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Self.e("110"), jaar: 2020),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: Self.e("250"))]
        g.declaraties = g.declaraties.filter { $0.client == "A" }.map { r in
            var r = r
            if r.begindatum.jaar == 2020 { r.bedrag = Self.e("550.00") }
            return r
        }
        g.budgetten = [Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: Self.e("26400"))]
        let a = try Verschilanalyse.invoer(g, kant: .begroting(2020), per: .perceel, gemeente: "0001", peildatum: Self.d("2020-06-30"))
        #expect(a.groepen["AMB"] == .init(clienten: 2, kostenPerProduct: ["45|45A04": Self.e("26400")]))
        let v = try Verschilanalyse(g, van: .begroting(2020), naar: .jaar(2020), per: .perceel, gemeente: "0001", peildatum: Self.d("2020-06-30"))
        let amb = try #require(v.regels.first { $0.groep == "AMB" })
        #expect(amb.kostenB == Self.e("6050.00"))
        #expect((amb.volume, amb.intensiteit, amb.prijs) == (Self.e("-13200.00"), Self.e("-7150.00"), .nul))
        // a budget per provider does not exist
        #expect(throws: Verschilanalyse.Kantfout.self) { try Verschilanalyse.invoer(g, kant: .begroting(2020), per: .aanbieder) }
        // no forecast given: said so
        #expect(throws: Verschilanalyse.Kantfout.self) { try Verschilanalyse.invoer(g, kant: .prognose(2020), per: .perceel) }
    }
}
