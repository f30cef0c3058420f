import Testing
@testable import RegioCore

/// The monitoring figures on small datasets whose answers are worked out by hand (definitions: docs/definities.md).
@Suite struct KengetallenTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }
    static let jaar2019 = (van: d("2019-01-01"), tot: d("2019-12-31"))

    static func basis() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp"), Gemeente(code: "0002", naam: "Beestad")]
        g.gemeentecijfers = [Gemeentecijfers(gemeentecode: "0001", jaar: 2019, inwoners: 10_000, jeugdigen: 2_000, macrobudgetJeugd: Euro(euro: 1)),
                             Gemeentecijfers(gemeentecode: "0002", jaar: 2019, inwoners: 5_000, jeugdigen: 1_000, macrobudgetJeugd: Euro(euro: 1))]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true)]
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Euro(euro: 100)),
                       Product(productcode: "45A05", productcategorie: "45", perceel: "AMB", tarief: Euro(euro: 70), jaar: 2019),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: Euro(euro: 200))]
        return g
    }

    static func toewijzing(_ nr: String, _ client: String, _ gem: String, _ code: String, _ van: String, _ tot: String?,
                           volume: Int64 = 1, _ f: Frequentie = .perWeek, verwijzer: Verwijzer? = nil,
                           geboren: String? = nil, geregistreerd: String? = nil) -> Toewijzing {
        Toewijzing(toewijzingnummer: nr, client: client, gemeentecode: gem, agb: "12345678", productcategorie: String(code.prefix(2)),
                   productcode: code, ingangsdatum: d(van), einddatum: tot.map(d), volume: volume, frequentie: f, verwijzer: verwijzer,
                   geboortedatum: geboren.map(d), toewijzingsdatum: d(geregistreerd ?? van))
    }

    static func regel(_ ref: String, _ tw: String, _ client: String, _ gem: String, _ van: String, _ tot: String, _ centen: Int64,
                      _ dc: DebetCredit = .debet, _ status: DeclaratieStatus = .toegekend, code: String = "45A04",
                      ingediend: String? = nil) -> Declaratieregel {
        Declaratieregel(declaratienummer: "D1", referentienummer: ref, toewijzingnummer: tw, client: client, gemeentecode: gem,
                        agb: "12345678", productcategorie: String(code.prefix(2)), productcode: code, begindatum: d(van), einddatum: d(tot),
                        bedrag: Euro(centen: centen), debetCredit: dc, status: status, ingediendOp: ingediend.map(d) ?? d(tot) + 20)
    }

    /// K: two products in Aadorp in the first half year, then moves to Beestad (open end); L: March in Beestad.
    static func verhuizer() -> Gegevens {
        var g = basis()
        g.toewijzingen = [toewijzing("T1", "K", "0001", "45A04", "2019-01-01", "2019-06-30", verwijzer: .huisarts),
                          toewijzing("T2", "K", "0001", "45A05", "2019-02-01", "2019-06-30", verwijzer: .gemeente),
                          toewijzing("T3", "K", "0002", "45A04", "2019-07-01", nil, verwijzer: .huisarts),
                          toewijzing("T4", "L", "0002", "45A04", "2019-03-01", "2019-03-31", verwijzer: .jeugdarts)]
        return g
    }

    @Test func verhuizerStroomtUitBijDeGemeenteMaarNietUitDeRegio() {
        let r = Monitoring.kengetallen(Self.verhuizer(), van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .gemeente, selectie: Selectie())
        let a = r.groepen[0], b = r.groepen[1], t = r.totaal
        #expect((a.clienten, b.clienten, t.clienten) == (1, 2, 2))
        // Aadorp: K's spell 01-01..06-30 starts and ends in 2019
        #expect((a.inZorgBegin, a.instroom, a.uitstroom, a.inZorgEinde) == (0, 1, 1, 0))
        // Beestad: K from 07-01 without end, L in March only
        #expect((b.inZorgBegin, b.instroom, b.uitstroom, b.inZorgEinde) == (0, 2, 1, 1))
        // region: K's care runs on without a break (06-30 -> 07-01), so K is inflow but not outflow
        #expect((t.inZorgBegin, t.instroom, t.uitstroom, t.inZorgEinde) == (0, 2, 1, 1))
        for k in r.groepen + [t] { #expect(k.inZorgBegin + k.instroom - k.uitstroom == k.inZorgEinde) }
        // commitment, 1 unit a week: T1 100 x 181/7 = 2585.71; T2 70 x 150/7 = 1500.00; T3 100 x 184/7 = 2628.57;
        // T4 100 x 31/7 = 442.86
        #expect(a.verplichting == Euro(centen: 258_571 + 150_000))
        #expect(b.verplichting == Euro(centen: 262_857 + 44_286))
        #expect(t.verplichting == a.verplichting + b.verplichting)
        // durations of allocations ended in 2019: T1 181, T2 150, T4 31 days (nearest rank)
        #expect((a.duurMediaan, a.duurP90, a.beeindigdeToewijzingen) == (150, 181, 2))
        #expect((b.duurMediaan, b.duurP90) == (31, 31))
        #expect((t.duurMediaan, t.duurP90, t.beeindigdeToewijzingen) == (150, 181, 3))
    }

    @Test func meerdereProductenZijnEenClientEnTellenNietOp() {
        let r = Monitoring.kengetallen(Self.verhuizer(), van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .product, selectie: Selectie())
        #expect(r.groepen.map(\.groep) == ["45/45A04", "45/45A05"])
        #expect(r.groepen.map(\.clienten) == [2, 1])   // 45A04: K and L; 45A05: K
        #expect(r.totaal.clienten == 2)
        #expect(r.groepen.map(\.toewijzingen) == [3, 1])
        // per lot: both products are AMB, K's two products are one spell there
        let p = Monitoring.kengetallen(Self.verhuizer(), van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .perceel, selectie: Selectie())
        #expect(p.groepen.map(\.groep) == ["AMB"])
        #expect((p.groepen[0].clienten, p.groepen[0].instroom, p.groepen[0].uitstroom) == (2, 2, 1))
    }

    @Test func perMaandTeltOpTotHetJaar() {
        var g = Self.verhuizer()
        g.declaraties = [Self.regel("R1", "T1", "K", "0001", "2019-03-01", "2019-03-31", 40_000),
                         Self.regel("R2", "T4", "L", "0002", "2019-03-15", "2019-04-14", 31_000)]
        let r = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .maand, selectie: Selectie())
        #expect(r.groepen.count == 12)
        #expect(r.groepen.map(\.verplichting).som() == r.totaal.verplichting)      // split exactly
        #expect(r.totaal.verplichting == Euro(centen: 258_571 + 150_000 + 262_857 + 44_286))
        #expect(r.groepen.map(\.gedeclareerd).som() == r.totaal.gedeclareerd)
        let maart = r.groepen[2], april = r.groepen[3], juli = r.groepen[6]
        #expect(maart.naam == "maart 2019")
        #expect((maart.clienten, maart.toewijzingen) == (2, 3))                    // K (T1, T2) and L (T4)
        // R2: 17 days in March, 14 in April: 31000 x 17/31 = 17000, 14000
        #expect(maart.gedeclareerd == Euro(centen: 40_000 + 17_000))
        #expect(april.gedeclareerd == Euro(centen: 14_000))
        #expect(april.clienten == 2)                                                // K's allocations; L by declaration
        // L flows in and out in March; K's move in July is no flow for the region
        #expect((maart.instroom, maart.uitstroom, maart.inZorgEinde) == (1, 1, 1))
        #expect((juli.instroom, juli.uitstroom, juli.inZorgEinde) == (0, 0, 1))
        #expect(r.groepen[0].instroom == 1)                                         // K on 1 January
        // every month within a cent of its own commitment (the year's rounding goes to the largest remainders)
        for m in r.groepen {
            let maand = Maand.parse(m.groep)!
            let eigen = g.toewijzingen.compactMap { t in
                Verplichting.binnen(t, van: maand.eersteDag, tot: maand.laatsteDag) { _ in
                    Referentiekaart(g).product(categorie: t.productcategorie, code: t.productcode, jaar: 2019)?.tarief }
            }.som()
            #expect(abs(m.verplichting.centen - eigen.centen) <= Int64(m.toewijzingen))
        }
    }

    @Test func creditsAfwijzingenEnDeclaratiesOverDeJaargrens() {
        var g = Self.basis()
        g.toewijzingen = [Self.toewijzing("T1", "K", "0001", "45A04", "2019-01-01", nil, verwijzer: .huisarts)]
        g.declaraties = [
            Self.regel("R1", "T1", "K", "0001", "2019-03-01", "2019-03-31", 100_000),
            Self.regel("R2", "T1", "K", "0001", "2019-03-01", "2019-03-31", 100_000, .credit),   // cancels R1
            Self.regel("R3", "T1", "K", "0001", "2019-03-01", "2019-03-31", 90_000),
            Self.regel("R4", "T1", "K", "0001", "2019-04-01", "2019-04-30", 50_000, .debet, .afgewezen),
            // 32 days, 17 in 2019 and 15 in 2020: 31000 x 17/32 = 16468.75 -> 16469 with the largest remainder
            Self.regel("R5", "T1", "K", "0001", "2019-12-15", "2020-01-15", 31_000),
            // a line without a known allocation: cost counts, referrer unknown
            Self.regel("R6", "T9", "M", "0001", "2019-05-01", "2019-05-31", 10_000),
            // only rejected: M2 is not a client
            Self.regel("R7", "T9", "M2", "0001", "2019-05-01", "2019-05-31", 10_000, .debet, .afgewezen),
        ]
        let r = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .gemeente, selectie: Selectie())
        let a = r.groepen[0]
        #expect(a.gedeclareerd == Euro(centen: 90_000 + 16_469 + 10_000))
        #expect(a.clienten == 2)                                                     // K and M, not M2
        #expect(a.kostenPerVerwijzer == ["02": Euro(centen: 106_469), "onbekend": Euro(centen: 10_000)])
        #expect(a.aandeel(.huisarts) == 106_469.0 / 116_469.0)
        #expect(a.aandeel(nil) == 10_000.0 / 116_469.0)
        let per = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .verwijzer, selectie: Selectie())
        #expect(per.groepen.map(\.groep) == ["02", "onbekend"])
        #expect(per.groepen.map(\.gedeclareerd) == [Euro(centen: 106_469), Euro(centen: 10_000)])
        let r2020 = Monitoring.kengetallen(g, van: Self.d("2020-01-01"), tot: Self.d("2020-12-31"), per: .gemeente, selectie: Selectie())
        #expect(r2020.totaal.gedeclareerd == Euro(centen: 14_531))
        // per inhabitant: 116469 / 10000 = 11.6469 -> 12 cents; per youth / 2000 = 58.23 -> 58; per client /2 = 582.35 (0.345 up)
        #expect(a.kostenPerInwoner == Euro(centen: 12))
        #expect(a.kostenPerJeugdige == Euro(centen: 58))
        #expect(a.kostenPerClient == Euro(centen: 58_235))
        // an open allocation: no outflow, in care at year end, no duration
        #expect((a.instroom, a.uitstroom, a.inZorgEinde, a.duurMediaan) == (1, 0, 1, nil))
    }

    @Test func peildatumToontWatToenBekendWas() {
        var g = Self.basis()
        g.toewijzingen = [Self.toewijzing("T1", "K", "0001", "45A04", "2019-01-01", "2019-09-30"),
                          // registered late, on 2019-08-01, with a retroactive start
                          Self.toewijzing("T2", "L", "0001", "45A04", "2019-03-01", "2019-05-31", geregistreerd: "2019-08-01")]
        g.declaraties = [Self.regel("R1", "T1", "K", "0001", "2019-01-01", "2019-01-31", 1_000, ingediend: "2019-02-20"),
                         Self.regel("R2", "T1", "K", "0001", "2019-02-01", "2019-02-28", 2_000, ingediend: "2019-07-20")]
        let op = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .gemeente, selectie: Selectie(),
                                        peildatum: Self.d("2019-06-30")).totaal
        #expect(op.gedeclareerd == Euro(centen: 1_000))
        #expect((op.clienten, op.toewijzingen) == (1, 1))
        // on 2019-06-30 K's allocation still runs: no outflow yet, in care on the valuation date
        #expect((op.instroom, op.uitstroom, op.inZorgEinde) == (1, 0, 1))
        // the commitment is the whole year's, as known then: 100 x 273/7 = 3900.00
        #expect(op.verplichting == Euro(euro: 3_900))
        let later = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .gemeente, selectie: Selectie()).totaal
        #expect((later.clienten, later.instroom, later.uitstroom, later.inZorgEinde) == (2, 2, 2, 0))
        #expect(later.gedeclareerd == Euro(centen: 3_000))
        // months after the valuation date: no flows, the stock as on that date
        let m = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .maand, selectie: Selectie(),
                                       peildatum: Self.d("2019-06-30")).groepen
        #expect((m[9].instroom, m[9].uitstroom, m[9].inZorgEinde) == (0, 0, 1))
    }

    @Test(arguments: [("2016-01-02", "0-3"), ("2015-01-01", "4-11"), ("2007-12-31", "4-11"), ("2006-12-31", "12-17"), ("2001-01-02", "12-17"),
                      ("2001-01-01", "18+"), ("2020-01-01", "onbekend")])
    func leeftijdOpDeEersteDag(geboren: String, groep: String) {
        #expect(Leeftijdsgroep.bij(geboortedatum: Self.d(geboren), op: Self.d("2019-01-01")).rawValue == groep)
    }

    @Test func perLeeftijdMetGeboortedatumUitToewijzingOfVerzoek() {
        var g = Self.basis()
        g.toewijzingen = [Self.toewijzing("T1", "A", "0001", "45A04", "2019-01-01", "2019-01-31", geboren: "2016-06-01"),
                          Self.toewijzing("T2", "B", "0001", "45A04", "2019-01-01", "2019-01-31", geboren: "2000-06-01"),
                          Self.toewijzing("T3", "C", "0001", "45A04", "2019-01-01", "2019-01-31")]
        g.verzoeken = [Verzoek(verzoeknummer: "V1", client: "C", gemeentecode: "0001", agb: "12345678", productcategorie: "45",
                               ingangsdatum: Self.d("2019-01-01"), geboortedatum: Self.d("2010-02-02"), ontvangenOp: Self.d("2018-12-20"))]
        g.declaraties = [Self.regel("R1", "T9", "D", "0001", "2019-01-01", "2019-01-31", 500)]
        let r = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .leeftijd, selectie: Selectie())
        #expect(r.groepen.map(\.groep) == ["0-3", "4-11", "18+", "onbekend"])   // C is 8: from the request
        #expect(r.groepen.map(\.clienten) == [1, 1, 1, 1])
        #expect(r.groepen.last?.gedeclareerd == Euro(centen: 500))
    }

    @Test func budgetPerGemeentePerceelEnSegmentTeltOp() {
        var g = Self.verhuizer()
        g.budgetten = [Budget(jaar: 2019, gemeentecode: "0001", perceel: "AMB", bedrag: Euro(euro: 5_000)),
                       Budget(jaar: 2019, gemeentecode: "0002", perceel: "AMB", bedrag: Euro(euro: 4_000)),
                       Budget(jaar: 2019, gemeentecode: "0002", perceel: "VBJ", bedrag: Euro(euro: 10_000)),
                       Budget(jaar: 2018, gemeentecode: "0002", perceel: "VBJ", bedrag: Euro(euro: 99_000))]
        for per in [Groepering.gemeente, .perceel, .segment] {
            let r = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: per, selectie: Selectie())
            #expect(r.groepen.compactMap(\.budget).som() == Euro(euro: 19_000), "\(per)")
            #expect(r.totaal.budget == Euro(euro: 19_000))
        }
        // a lot with a budget and no care is still a row, so the rows add up to the total
        let p = Monitoring.kengetallen(g, van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .perceel, selectie: Selectie(gemeente: "0002"))
        #expect(p.groepen.map(\.groep) == ["AMB", "VBJ"])
        #expect(p.groepen.map(\.budget) == [Euro(euro: 4_000), Euro(euro: 10_000)])
        #expect(p.totaal.inwoners == 5_000 && p.totaal.jeugdigen == 1_000)
        // two years: budgets and inhabitants of both (person-years)
        let twee = Monitoring.kengetallen(g, van: Self.d("2018-01-01"), tot: Self.jaar2019.tot, per: .gemeente, selectie: Selectie(gemeente: "0002"))
        #expect(twee.totaal.budget == Euro(euro: 113_000))
        #expect(twee.totaal.inwoners == nil)   // no 2018 figures: no denominator rather than a wrong one
    }

    @Test func zorgperiodesSluitenAanBinnen31Dagen() {
        let p = Periode(van: Self.d("2019-01-01"), tot: Self.d("2019-03-31"))
        // 31 days without care (April 1 .. May 1) is still one spell; 32 days is a new one
        #expect(Zorgperiodes.voegSamen([p, Periode(van: Self.d("2019-05-02"), tot: Self.d("2019-06-30"))]).count == 1)
        #expect(Zorgperiodes.voegSamen([p, Periode(van: Self.d("2019-05-03"), tot: Self.d("2019-06-30"))]).count == 2)
        #expect(Zorgperiodes.voegSamen([Periode(van: Self.d("2019-02-01"), tot: nil), p]) == [Periode(van: Self.d("2019-01-01"), tot: nil)])
        #expect([5, 1, 4, 2, 3].percentiel(50) == 3 && [5, 1, 4, 2, 3].percentiel(90) == 5 && [Int]().percentiel(50) == nil)
    }

    /// Flows from numbered (client, period) pairs in any order, worked out by hand for February 2019: client 1 is in
    /// care from January 1 to March 31 (a 14-day break joins its two allocations), client 2 starts on February 10 and
    /// ends on February 20, client 3 starts in March.
    @Test func verloopUitGenummerdeParen() {
        let paren: [(Int32, Periode)] = [
            (1, Periode(van: Self.d("2019-02-15"), tot: Self.d("2019-03-31"))),
            (3, Periode(van: Self.d("2019-03-01"), tot: nil)),
            (2, Periode(van: Self.d("2019-02-10"), tot: Self.d("2019-02-20"))),
            (1, Periode(van: Self.d("2019-01-01"), tot: Self.d("2019-01-31"))),
        ]
        let v = Zorgperiodes.verloop(paren, van: Self.d("2019-02-01"), tot: Self.d("2019-02-28"))
        #expect(v == Zorgperiodes.Verloop(begin: 1, instroom: 1, uitstroom: 1, einde: 1))
        // the same as the spells keyed by pseudonym
        var perClient: [ClientID: [Periode]] = [:]
        for (c, p) in paren { perClient["P\(c)", default: []].append(p) }
        #expect(Zorgperiodes(perClient).verloop(van: Self.d("2019-02-01"), tot: Self.d("2019-02-28")) == v)
    }

    @Test func csvKolommenVolgenHetOntwerp() {
        let r = Monitoring.kengetallen(Self.verhuizer(), van: Self.jaar2019.van, tot: Self.jaar2019.tot, per: .gemeente, selectie: Selectie())
        let kop = Tabel.kengetallen(r.groepen, r.totaal, per: .gemeente).csv().split(separator: "\n")[0].split(separator: ",").map(String.init)
        for k in ["gemeentecode", "naam", "unieke_clienten", "toewijzingen", "verplichting", "gedeclareerd", "uitnutting",
                  "kosten_per_client", "kosten_per_jeugdige", "kosten_per_inwoner", "budget", "realisatie", "instroom", "uitstroom",
                  "in_zorg_einde_jaar", "duur_mediaan_dagen", "duur_p90_dagen", "aandeel_huisarts", "aandeel_gemeente", "aandeel_onbekend"] {
            #expect(kop.contains(k), "\(k)")
        }
        #expect(Set(kop).count == kop.count)
        #expect(kop.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
    }
}
