import Testing
@testable import RegioCore

private func centen(_ euro: Int64, _ c: Int64 = 0) -> Euro { Euro(centen: euro * 100 + c) }
private func dag(_ s: String) -> Dag { Dag.parse(s)! }

/// Contracts, payments and production (issue 23, point 1), worked by hand. Two municipalities, key macro-budget 6 and
/// 4 mln (0,6 / 0,4), valuation date 31-03-2020.
/// - BSA (75000001) task-based, 1.200.000 a year, monthly: due by March 300.000; paid 100.000 + 100.000 by the region
///   and 50.000 by 0308 = 250.000 (source: payments), 950.000 below the contract sum. 0308: 50.000 + 0,4 x 200.000 =
///   130.000; 0307: 0,6 x 200.000 = 120.000.
/// - SAVE (75000002) subsidy 100.000,01, quarterly, nothing paid: the first quarter 10.000.001 / 4 cents, the leftover
///   cent to the first: 25.000,01 (source: schedule); 0,6 x 2.500.001 = 1.500.000,6 and 0,4 x = 1.000.000,4 cents, the
///   leftover cent to the larger remainder: 0307 15.000,01, 0308 10.000,00.
/// - VBJ (75000001) p x q 500.000: declared 1.000 by 0307 in February; 0308's 2.000 in May is after the date.
/// - AMB of 0307 alone, lump sum 60.000 yearly: all due in January, 60.000 for 0307.
/// Per municipality: 0307 120.000 + 15.000,01 + 1.000 + 60.000 = 196.000,01; 0308 130.000 + 10.000 = 140.000; together
/// 336.000,01, the sum of the realisations.
@Suite("Contracten, betalingen en productie")
struct ContractenTests {
    static let gegevens: Gegevens = {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0307", naam: "Amersfoort"), Gemeente(code: "0308", naam: "Baarn")]
        g.percelen = [Perceel(code: "BSA", naam: "Brede spectrum", segment: "Ambulant", verevend: false),
                      Perceel(code: "SAVE", naam: "SAVE", segment: "Jeugdbescherming", verevend: true),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true),
                      Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false)]
        g.producten = [Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ")]
        g.aanbieders = [Aanbieder(agb: "75000001", naam: "Zorg BV"), Aanbieder(agb: "75000002", naam: "GI")]
        g.gemeentecijfers = [Gemeentecijfers(gemeentecode: "0307", jaar: 2020, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: centen(6_000_000)),
                             Gemeentecijfers(gemeentecode: "0308", jaar: 2020, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: centen(4_000_000))]
        g.contracten = [Contract(jaar: 2020, perceel: "BSA", agb: "75000001", vorm: .taakgericht, contractsom: centen(1_200_000)),
                        Contract(jaar: 2020, perceel: "SAVE", agb: "75000002", vorm: .subsidie, contractsom: centen(100_000, 1), ritme: .kwartaal),
                        Contract(jaar: 2020, perceel: "VBJ", agb: "75000001", vorm: .pxq, contractsom: centen(500_000)),
                        Contract(jaar: 2020, perceel: "AMB", agb: "75000001", gemeentecode: "0307", vorm: .lumpsum, contractsom: centen(60_000), ritme: .jaar),
                        Contract(jaar: 2019, perceel: "BSA", agb: "75000001", vorm: .taakgericht, contractsom: centen(999))]
        g.betalingen = [Betaling(datum: dag("2020-01-15"), agb: "75000001", perceel: "BSA", bedrag: centen(100_000)),
                        Betaling(datum: dag("2020-02-15"), agb: "75000001", perceel: "BSA", bedrag: centen(100_000)),
                        Betaling(datum: dag("2020-03-15"), agb: "75000001", perceel: "BSA", bedrag: centen(50_000), gemeentecode: "0308", kenmerk: "X"),
                        Betaling(datum: dag("2020-04-15"), agb: "75000001", perceel: "BSA", bedrag: centen(100_000))]
        func regel(_ nr: String, _ gemeente: String, _ van: String, _ tot: String, _ euro: Int64) -> Declaratieregel {
            Declaratieregel(declaratienummer: nr, referentienummer: "R", toewijzingnummer: "T" + nr, client: "C" + nr, gemeentecode: gemeente,
                            agb: "75000001", productcategorie: "43", productcode: "43A01", begindatum: dag(van), einddatum: dag(tot),
                            bedrag: centen(euro), ingediendOp: dag(tot) + 10)
        }
        g.declaraties = [regel("1", "0307", "2020-02-01", "2020-02-29", 1_000), regel("2", "0308", "2020-05-01", "2020-05-31", 2_000)]
        g.productie = [Productieopgave(maand: Maand(jaar: 2020, maand: 1), agb: "75000001", perceel: "BSA", gemeentecode: "0307", clienten: 40, trajecten: 10),
                       Productieopgave(maand: Maand(jaar: 2020, maand: 1), agb: "75000001", perceel: "BSA", gemeentecode: "0308", clienten: 20),
                       Productieopgave(maand: Maand(jaar: 2020, maand: 2), agb: "75000001", perceel: "BSA", gemeentecode: "0307", clienten: 42, trajecten: 12),
                       Productieopgave(maand: Maand(jaar: 2020, maand: 2), agb: "75000001", perceel: "BSA", gemeentecode: "0308", clienten: 21),
                       Productieopgave(maand: Maand(jaar: 2020, maand: 4), agb: "75000001", perceel: "BSA", gemeentecode: "0307", clienten: 99)]
        return g
    }()

    @Test("realisatie per contract: betalingen, schema of declaraties; aandelen per gemeente met de hand nagerekend")
    func overzicht() throws {
        let o = try Contractoverzicht(Self.gegevens, jaar: 2020, peildatum: dag("2020-03-31"))
        let per = Dictionary(uniqueKeysWithValues: o.regels.map { ("\($0.contract.perceel)", $0) })
        #expect(o.regels.count == 4)
        let bsa = try #require(per["BSA"])
        #expect(bsa.volgensSchema == centen(300_000) && bsa.betaald == centen(250_000) && bsa.bron == .betalingen)
        #expect(bsa.realisatie == centen(250_000) && bsa.verschil == centen(-950_000))
        #expect(bsa.perGemeente == ["0307": centen(120_000), "0308": centen(130_000)])
        #expect(bsa.productiemaanden == 2 && bsa.clientenLaatsteMaand == 63 && bsa.trajecten == 22 && bsa.uren == nil)
        let save = try #require(per["SAVE"])
        #expect(save.bron == .schema && save.realisatie == centen(25_000, 1))
        #expect(save.perGemeente == ["0307": centen(15_000, 1), "0308": centen(10_000)])
        let vbj = try #require(per["VBJ"])
        #expect(vbj.bron == .declaraties && vbj.realisatie == centen(1_000) && vbj.perGemeente == ["0307": centen(1_000)])
        let amb = try #require(per["AMB"])
        #expect(amb.bron == .schema && amb.realisatie == centen(60_000) && amb.perGemeente == ["0307": centen(60_000)])
        #expect(o.perGemeente == ["0307": centen(196_000, 1), "0308": centen(140_000)])
        #expect(o.perGemeente.values.som() == o.regels.map(\.realisatie).som())
        for r in o.regels { #expect(r.perGemeente.values.som() == r.realisatie, "\(r.contract.perceel)") }
    }

    @Test("het schema: maand, kwartaal, jaar; tot op de cent, en na het jaar de hele contractsom")
    func schema() {
        let maand = Contract(jaar: 2020, perceel: "P", agb: "1", vorm: .subsidie, contractsom: Euro(centen: 1_000_007))
        #expect(maand.schema.count == 12 && maand.schema.som() == Euro(centen: 1_000_007))
        // 1.000.007 / 12 = 83.333 rest 11: the first eleven months get a cent more
        #expect(maand.schema.prefix(11).allSatisfy { $0 == Euro(centen: 83_334) } && maand.schema[11] == Euro(centen: 83_333))
        #expect(maand.schema(tot: dag("2020-02-10")) == Euro(centen: 166_668))
        #expect(maand.schema(tot: dag("2021-01-01")) == Euro(centen: 1_000_007) && maand.schema(tot: dag("2019-12-31")) == .nul)
        var kwartaal = maand
        kwartaal.ritme = .kwartaal
        #expect(kwartaal.schema(tot: dag("2020-03-31")) == Euro(centen: 250_002) && kwartaal.schema(tot: dag("2020-04-01")) == Euro(centen: 500_004))
        var jaar = maand
        jaar.ritme = .jaar
        #expect(jaar.schema(tot: dag("2020-01-01")) == Euro(centen: 1_000_007))
    }

    @Test("zonder peildatum het hele jaar: de betaling van april telt mee, de productie van april ook")
    func heelJaar() throws {
        let o = try Contractoverzicht(Self.gegevens, jaar: 2020, peildatum: dag("2020-12-31"))
        let bsa = try #require(o.regels.first { $0.contract.perceel == "BSA" })
        #expect(bsa.betaald == centen(350_000) && bsa.clientenLaatsteMaand == 99 && bsa.productiemaanden == 3)
        let vbj = try #require(o.regels.first { $0.contract.perceel == "VBJ" })
        #expect(vbj.realisatie == centen(3_000) && vbj.perGemeente == ["0307": centen(1_000), "0308": centen(2_000)])
    }

    /// A task-based budget settled by use (`bekostiging taakgericht`): the lots have no lines, so the realisation is
    /// what was paid, the region's payments split by the client-months of the production reports. BSA, paid by
    /// 15-04-2020: 100.000 in January, February and April by the region, 50.000 by 0308. Production 2020: 0307
    /// 40 + 42 + 99 = 181, 0308 20 + 21 = 41 client-months (222). Each 100.000 of the region: 0307 10.000.000 x 181/222
    /// = 8.153.153,15 cents, 0308 1.846.846,84; the leftover cent to the larger remainder (0308): 81.531,53 and
    /// 18.468,47. So 0307 3 x 81.531,53 = 244.594,59; 0308 3 x 18.468,47 + 50.000 = 105.405,41; together 350.000.
    /// SAVE (subsidy, no payments, no production): the schedule to April (25.000,01 + 25.000,00) by the macro-budget
    /// 0,6 / 0,4: 0307 15.000,01 + 15.000,00, 0308 10.000,00 + 10.000,00.
    @Test("taakgericht budget: realisatie uit betalingen, naar productie verdeeld")
    func taakdelenNaarProductie() throws {
        let g = Self.gegevens
        let posten = g.kostenposten(jaren: 2017...2020)
        let bsa = try Bekostiging.taakdelen(g, posten: posten, jaar: 2020, sleutel: .macrobudget, percelen: ["BSA"])
        #expect(Dictionary(uniqueKeysWithValues: bsa.map { ($0.gemeentecode, $0.realisatie) })
                == ["0307": centen(244_594, 59), "0308": centen(105_405, 41)])
        let beide = try Bekostiging.taakdelen(g, posten: posten, jaar: 2020, sleutel: .macrobudget, percelen: ["BSA", "SAVE"])
        #expect(Dictionary(uniqueKeysWithValues: beide.map { ($0.gemeentecode, $0.realisatie) })
                == ["0307": centen(274_594, 60), "0308": centen(125_405, 41)])
        // settled afterwards by use: the budget of 400.000 shared by realisation adds up to the budget
        let t = try Bekostiging.TaakgerichtBudget(budget: centen(400_000), delen: beide, verrekening: .budgetNaarRealisatie)
        #expect(t.gemeenten.map(\.eindbijdrage).som() == centen(400_000))
    }
}
