import Testing
@testable import RegioCore

/// Small datasets whose figures are worked out by hand.
@Suite struct MonitoringTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }

    static func basis() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp"), Gemeente(code: "0002", naam: "Beestad")]
        g.gemeentecijfers = [Gemeentecijfers(gemeentecode: "0001", jaar: 2019, inwoners: 10_000, jeugdigen: 2_000, macrobudgetJeugd: Euro(euro: 1)),
                             Gemeentecijfers(gemeentecode: "0002", jaar: 2019, inwoners: 5_000, jeugdigen: 1_000, macrobudgetJeugd: Euro(euro: 1))]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false)]
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Euro(euro: 100)),
                       Product(productcode: "45A05", productcategorie: "45", perceel: "AMB", tarief: Euro(euro: 70), jaar: 2019)]
        return g
    }

    static func toewijzing(_ nr: String, _ client: String, _ gem: String, _ code: String, _ van: String, _ tot: String?,
                           volume: Int64 = 1, _ f: Frequentie = .perWeek) -> Toewijzing {
        Toewijzing(toewijzingnummer: nr, client: client, gemeentecode: gem, agb: "12345678", productcategorie: "45",
                   productcode: code, ingangsdatum: d(van), einddatum: tot.map(d), volume: volume, frequentie: f, toewijzingsdatum: d(van))
    }

    static func regel(_ ref: String, _ tw: String, _ client: String, _ gem: String, _ van: String, _ tot: String, _ centen: Int64,
                      _ dc: DebetCredit = .debet, _ status: DeclaratieStatus = .toegekend) -> Declaratieregel {
        Declaratieregel(declaratienummer: "D1", referentienummer: ref, toewijzingnummer: tw, client: client, gemeentecode: gem,
                        agb: "12345678", productcategorie: "45", productcode: "45A04", begindatum: d(van), einddatum: d(tot),
                        bedrag: Euro(centen: centen), debetCredit: dc, status: status, ingediendOp: d(tot) + 20)
    }

    @Test func verhuizerEnMeerdereProductenZijnEenClient() {
        var g = Self.basis()
        // client K: two products in Aadorp, then moves to Beestad; client L only in Beestad
        g.toewijzingen = [Self.toewijzing("T1", "K", "0001", "45A04", "2019-01-01", "2019-06-30"),
                          Self.toewijzing("T2", "K", "0001", "45A05", "2019-02-01", "2019-06-30"),
                          Self.toewijzing("T3", "K", "0002", "45A04", "2019-07-01", nil),
                          Self.toewijzing("T4", "L", "0002", "45A04", "2019-03-01", "2019-03-31")]
        let r = Monitoring.kengetallen(g, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31"), per: .gemeente)
        #expect(r.groepen.map(\.clienten) == [1, 2])
        #expect(r.totaal.clienten == 2)          // not 1 + 2
        #expect(r.totaal.toewijzingen == 4)      // allocations do add up
        let perProduct = Monitoring.kengetallen(g, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31"), per: .product)
        #expect(perProduct.groepen.map(\.clienten) == [2, 1])  // 45/45A04: K and L; 45/45A05: K
        #expect(perProduct.totaal.clienten == 2)
    }

    @Test func creditsAfwijzingenEnDeclaratiesOverDeJaargrens() {
        var g = Self.basis()
        g.toewijzingen = [Self.toewijzing("T1", "K", "0001", "45A04", "2019-01-01", nil)]
        g.declaraties = [
            Self.regel("R1", "T1", "K", "0001", "2019-03-01", "2019-03-31", 100_000),
            Self.regel("R2", "T1", "K", "0001", "2019-03-01", "2019-03-31", 100_000, .credit),   // cancels R1
            Self.regel("R3", "T1", "K", "0001", "2019-03-01", "2019-03-31", 90_000),
            Self.regel("R4", "T1", "K", "0001", "2019-04-01", "2019-04-30", 50_000, .debet, .afgewezen),
            // 32 days, 17 in 2019 and 15 in 2020: 31000 x 17/32 = 16468.75 -> 16469 with the largest remainder
            Self.regel("R5", "T1", "K", "0001", "2019-12-15", "2020-01-15", 31_000),
        ]
        let r = Monitoring.kengetallen(g, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31"), per: .gemeente)
        #expect(r.totaal.gedeclareerd == Euro(centen: 90_000 + 16_469))
        let r2020 = Monitoring.kengetallen(g, van: Self.d("2020-01-01"), tot: Self.d("2020-12-31"), per: .gemeente)
        #expect(r2020.totaal.gedeclareerd == Euro(centen: 14_531))
        // per inhabitant: 106469 cents / 10000 = 10.6469 -> 11 cents; per youth /2000 = 53.23 -> 53
        #expect(r.groepen[0].kostenPerInwoner == Euro(centen: 11))
        #expect(r.groepen[0].kostenPerJeugdige == Euro(centen: 53))
    }

    @Test func verplichting() {
        // 1 hour a week at EUR 100 from 2019-07-01 without end: 184 days in 2019 -> 184/7 x 100 = 2628.571.. -> 2628.57
        let t = Self.toewijzing("T1", "K", "0001", "45A04", "2019-07-01", nil)
        let v = Verplichting.binnen(t, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31")) { _ in Euro(euro: 100) }
        #expect(v == Euro(centen: 262_857))
        // budget EUR 3660 for 2019-07-01..2020-06-30 (366 days): 184 days in 2019 -> 1840.00
        var b = Self.toewijzing("T2", "K", "0001", "45A04", "2019-07-01", "2020-06-30")
        b.budget = Euro(euro: 3_660)
        #expect(Verplichting.binnen(b, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31")) { _ in nil } == Euro(euro: 1_840))
        // 2 per month at EUR 70, 2019-01-16..2019-02-28: January 16/31 x 140 = 72.26, February 140 -> 212.26
        let m = Self.toewijzing("T3", "K", "0001", "45A05", "2019-01-16", "2019-02-28", volume: 2, .perMaand)
        #expect(Verplichting.binnen(m, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31")) { _ in Euro(euro: 70) } == Euro(centen: 21_226))
        // no tariff, no budget: unknown, never guessed
        #expect(Verplichting.binnen(m, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31")) { _ in nil } == nil)
        var weg = t
        weg.redenWijziging = "13"
        #expect(Verplichting.binnen(weg, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31")) { _ in Euro(euro: 100) } == .nul)
    }

    @Test func peildatumToontWatToenBekendWas() {
        var g = Self.basis()
        g.toewijzingen = [Self.toewijzing("T1", "K", "0001", "45A04", "2019-01-01", nil)]
        g.declaraties = [Self.regel("R1", "T1", "K", "0001", "2019-01-01", "2019-01-31", 1_000),   // filed 2019-02-20
                         Self.regel("R2", "T1", "K", "0001", "2019-02-01", "2019-02-28", 2_000)]   // filed 2019-03-20
        let op = g.bekendOp(Self.d("2019-03-01"))
        #expect(Monitoring.kengetallen(op, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31"), per: .gemeente).totaal.gedeclareerd == Euro(centen: 1_000))
    }
}
