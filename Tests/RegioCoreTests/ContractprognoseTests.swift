import Testing
@testable import RegioCore

/// The forecast of a lot under a contract that is not p x q (issue 23, point 1: "contract-based for these lots"): its
/// outcome is the contract sum, without uncertainty. On `JaarprognoseTests.regio()` (every method 12.000 for 0001 in
/// 2019 on 30-06-2019, the naive 9.074,59, declared 4.500) plus a task-based contract of 0001 for BSA with provider
/// 99999999, 24.000 a year, of which 2.000 paid in January and in February; and a line of 999 that this provider
/// declares anyway in February (replaced by the contract: it shapes no development pattern and counts nowhere).
/// So 0001: every method 12.000 + 24.000 = 36.000, the naive 33.074,59, declared 4.500 + 4.000 = 8.500, the interval
/// moved up by 24.000; per lot BSA 24.000 (declared 4.000) beside AMB as before.
@Suite struct ContractprognoseTests {
    static func regio() -> Gegevens {
        var g = JaarprognoseTests.regio()
        g.percelen.append(Perceel(code: "BSA", naam: "Brede spectrum", segment: "Ambulant", verevend: false))
        g.producten.append(Product(productcode: "45A07", productcategorie: "45", perceel: "BSA"))
        g.contracten = [Contract(jaar: 2019, perceel: "BSA", agb: "99999999", gemeentecode: "0001", vorm: .taakgericht,
                                 contractsom: Euro(euro: 24_000))]
        g.betalingen = [Betaling(datum: JaarprognoseTests.d("2019-01-25"), agb: "99999999", perceel: "BSA", bedrag: Euro(euro: 2_000), gemeentecode: "0001"),
                        Betaling(datum: JaarprognoseTests.d("2019-02-25"), agb: "99999999", perceel: "BSA", bedrag: Euro(euro: 2_000), gemeentecode: "0001")]
        g.declaraties.append(Declaratieregel(declaratienummer: "B1", referentienummer: "R", toewijzingnummer: "T1", client: "K",
                                             gemeentecode: "0001", agb: "99999999", productcategorie: "45", productcode: "45A07",
                                             begindatum: JaarprognoseTests.d("2019-02-01"), einddatum: JaarprognoseTests.d("2019-02-28"),
                                             bedrag: Euro(euro: 999), ingediendOp: JaarprognoseTests.d("2019-03-10")))
        return g
    }

    @Test func contractsomIsDeUitkomst() throws {
        let peil = JaarprognoseTests.d("2019-06-30")
        let zonder = try Jaarprognose(Jaarprognose.Basis(JaarprognoseTests.regio(), per: .gemeente), jaar: 2019, peildatum: peil)
        let met = try Jaarprognose(Jaarprognose.Basis(Self.regio(), per: .gemeente), jaar: 2019, peildatum: peil)
        let a = try #require(zonder.groepen.first { $0.groep == "0001" }), b = try #require(met.groepen.first { $0.groep == "0001" })
        #expect(b.prognose[.bf] == Euro(euro: 36_000) && b.prognose[.chainladder] == Euro(euro: 36_000)
                && b.prognose[.verplichtingen] == Euro(euro: 36_000) && b.prognose[.naief] == Euro(centen: 3_307_459), "\(b.prognose)")
        #expect(b.gedeclareerd == Euro(euro: 8_500) && b.uitContracten == Euro(euro: 24_000))
        #expect(b.ondergrens == a.ondergrens + Euro(euro: 24_000) && b.bovengrens == a.bovengrens + Euro(euro: 24_000))
        #expect(met.totaal.prognose[.bf] == Euro(euro: 36_000))
        let perceel = try Jaarprognose(Jaarprognose.Basis(Self.regio(), per: .perceel), jaar: 2019, peildatum: peil)
        let bsa = try #require(perceel.groepen.first { $0.groep == "BSA" })
        #expect(bsa.prognose[.bf] == Euro(euro: 24_000) && bsa.gedeclareerd == Euro(euro: 4_000) && bsa.ondergrens == Euro(euro: 24_000))
        #expect(perceel.groepen.first { $0.groep == "AMB" }?.prognose[.bf] == Euro(euro: 12_000))
        // what the forecast is judged by afterwards: the lines of AMB and all BSA payments of the year (4.000 so far)
        #expect(Jaarprognose.Basis(Self.regio(), per: .perceel).werkelijk(jaar: 2019)["BSA"] == Euro(euro: 4_000))
    }
}
