import Testing
@testable import RegioCore

/// Budget versions kept side by side; the budget in force on a day; worked by hand.
@Suite struct BudgetversieTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }
    static func e(_ s: String) -> Euro { Euro.parse(s)! }

    /// Aadorp 2020: primitief (adopted 07-11-2019) AMB 100.000 and VBJ 50.000; 1e burap (25-06-2020) raises AMB to
    /// 120.000 and leaves VBJ out; 2e burap (05-11-2020) lowers VBJ to 45.000. In force on 31-03-2020: 150.000; on
    /// 30-06-2020: 170.000; at the end: 165.000.
    static func regio() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp")]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "A", verevend: false),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "V", verevend: true)]
        g.budgetten = [
            Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: e("100000"), versie: "primitief", vastgesteldOp: d("2019-11-07")),
            Budget(jaar: 2020, gemeentecode: "0001", perceel: "VBJ", bedrag: e("50000"), versie: "primitief", vastgesteldOp: d("2019-11-07")),
            Budget(jaar: 2020, gemeentecode: "0001", perceel: "VBJ", bedrag: e("45000"), versie: "2e burap", vastgesteldOp: d("2020-11-05")),
            Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: e("120000"), versie: "1e burap", vastgesteldOp: d("2020-06-25")),
        ]
        return g
    }

    @Test func geldendOpEenDag() {
        let g = Self.regio()
        func som(_ dag: Dag?) -> Euro { g.geldendeBudgetten(op: dag).map(\.bedrag).som() }
        #expect(som(Self.d("2020-03-31")) == Self.e("150000"))
        #expect(som(Self.d("2020-06-25")) == Self.e("170000"))
        #expect(som(Self.d("2020-06-30")) == Self.e("170000"))
        #expect(som(nil) == Self.e("165000"))
        #expect(g.geldendeBudgetten(op: Self.d("2019-11-06")).isEmpty)
        #expect(g.geldendeBudgetten(op: Self.d("2020-06-30")).map(\.versie).sorted() == ["1e burap", "primitief"])
        #expect(g.budgetversieTekst(jaar: 2020, op: Self.d("2020-06-30")) == "1e burap (vastgesteld 25-06-2020)")
        #expect(g.budgetversieTekst(jaar: 2020) == "2e burap (vastgesteld 05-11-2020)")
        // without versions: every budget as it is, and no version to name
        var zonder = g
        zonder.budgetten = [Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: Self.e("1"))]
        #expect(zonder.geldendeBudgetten(op: Self.d("2020-01-01")) == zonder.budgetten && zonder.budgetversieTekst(jaar: 2020) == nil)
        // an undated budget is replaced by a dated version once that is adopted
        zonder.budgetten.append(Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: Self.e("2"), versie: "1e burap", vastgesteldOp: Self.d("2020-06-01")))
        #expect(zonder.geldendeBudgetten(op: Self.d("2020-05-31")).map(\.bedrag) == [Self.e("1")])
        #expect(zonder.geldendeBudgetten(op: Self.d("2020-06-01")).map(\.bedrag) == [Self.e("2")])
    }

    /// The monitoring and the forecast compare with the budget in force on their valuation date.
    @Test func vergelijkingenGebruikenDeGeldendeVersie() {
        let g = Self.regio()
        let jaar = (Dag.eersteVan(jaar: 2020), Dag.laatsteVan(jaar: 2020))
        let juni = Monitoring.kengetallen(g, van: jaar.0, tot: jaar.1, per: .perceel, selectie: Selectie(), peildatum: Self.d("2020-06-30"))
        #expect(juni.totaal.budget == Self.e("170000"))
        #expect(juni.groepen.first { $0.groep == "VBJ" }?.budget == Self.e("50000"))
        let nu = Monitoring.kengetallen(g, van: jaar.0, tot: jaar.1, per: .perceel, selectie: Selectie())
        #expect(nu.totaal.budget == Self.e("165000"))
    }

    /// The versions side by side: a lot a revision leaves out keeps its budget; the change is last minus first.
    @Test func tabelNaastElkaar() {
        let t = Budgetversies.tabel(Self.regio(), jaar: 2020)
        #expect(t.kolommen.map(\.naam) == ["perceel", "naam", "primitief", "1e burap", "2e burap", "verandering"])
        #expect(t.rijen.map { $0.map(\.machine) } == [["AMB", "Ambulant", "100000.00", "120000.00", "120000.00", "20000.00"],
                                                     ["VBJ", "Verblijf", "50000.00", "50000.00", "45000.00", "-5000.00"]])
        #expect(t.voet[0].map(\.machine) == ["totaal", "", "150000.00", "170000.00", "165000.00", "15000.00"])
    }
}

extension BudgetversieTests {
    /// Over two municipalities: Beestad's AMB budget (30.000, primitief only) stays in force under the 1e burap that
    /// only Aadorp adopted, so the region's AMB is 130.000 then 150.000.
    @Test func regioOverGemeenten() {
        var g = Self.regio()
        g.gemeenten.append(Gemeente(code: "0002", naam: "Beestad"))
        g.budgetten.append(Budget(jaar: 2020, gemeentecode: "0002", perceel: "AMB", bedrag: Self.e("30000"), versie: "primitief",
                                  vastgesteldOp: Self.d("2019-11-07")))
        let t = Budgetversies.tabel(g, jaar: 2020)
        #expect(t.rijen[0].map(\.machine) == ["AMB", "Ambulant", "130000.00", "150000.00", "150000.00", "20000.00"])
        #expect(t.voet[0].map(\.machine) == ["totaal", "", "180000.00", "200000.00", "195000.00", "15000.00"])
        #expect(g.geldendeBudgetten(op: Self.d("2020-06-30")).map(\.bedrag).som() == Self.e("200000"))
    }
}
