import Testing
@testable import RegioCore

/// The p x q split of a cost difference, worked by hand.
@Suite struct VerschilanalyseTests {
    static func e(_ s: String) -> Euro { Euro.parse(s)! }

    /// AMB: 10 -> 12 clients, 10.000,00 -> 14.300,00, tariff 100 -> 110. At A's tariffs B costs 14.300 x 100/110 =
    /// 13.000,00. Volume 10.000 x 2/10 = 2.000,00; price 14.300 - 13.000 = 1.300,00; intensity 4.300 - 2.000 - 1.300 = 1.000,00
    /// (= 13.000 - 12 x 1.000).
    /// VBJ: 3 clients, 90.000,00 -> nothing: volume -90.000,00.
    /// CRI: new, 2 clients 5.000,00 at an unchanged tariff: volume 5.000,00.
    /// DYS: 3 -> 4 clients, 1.000,00 -> 1.400,00, tariff 30 -> 31: constant 1.400 x 30/31 = 1.354,838.. -> 1.354,84;
    /// volume 1.000 / 3 = 333,33; price 45,16; intensity 400 - 333,33 - 45,16 = 21,51.
    @Test func tweePercelenEnNieuwEnVerdwenen() {
        let a: [String: Verschilanalyse.Invoer] = [
            "AMB": .init(clienten: 10, kostenPerProduct: ["P1": Self.e("10000.00")]),
            "VBJ": .init(clienten: 3, kostenPerProduct: ["P2": Self.e("90000.00")]),
            "DYS": .init(clienten: 3, kostenPerProduct: ["P4": Self.e("1000.00")]),
        ]
        let b: [String: Verschilanalyse.Invoer] = [
            "AMB": .init(clienten: 12, kostenPerProduct: ["P1": Self.e("14300.00")]),
            "CRI": .init(clienten: 2, kostenPerProduct: ["P3": Self.e("5000.00")]),
            "DYS": .init(clienten: 4, kostenPerProduct: ["P4": Self.e("1400.00")]),
        ]
        let tarieven: [String: (Euro, Euro)] = ["P1": (Self.e("100"), Self.e("110")), "P2": (Self.e("200"), Self.e("200")),
                                                "P3": (Self.e("50"), Self.e("50")), "P4": (Self.e("30"), Self.e("31"))]
        let v = Verschilanalyse(a: a, b: b) { p, inA in tarieven[p].map { inA ? $0.0 : $0.1 } }
        func r(_ g: String) -> Verschilanalyse.Regel { v.regels.first { $0.groep == g }! }
        #expect(r("AMB").kostenBConstant == Self.e("13000.00"))
        #expect((r("AMB").volume, r("AMB").intensiteit, r("AMB").prijs) == (Self.e("2000.00"), Self.e("1000.00"), Self.e("1300.00")))
        #expect((r("VBJ").volume, r("VBJ").intensiteit, r("VBJ").prijs) == (Self.e("-90000.00"), .nul, .nul))
        #expect((r("CRI").volume, r("CRI").intensiteit, r("CRI").prijs) == (Self.e("5000.00"), .nul, .nul))
        #expect((r("DYS").volume, r("DYS").intensiteit, r("DYS").prijs) == (Self.e("333.33"), Self.e("21.51"), Self.e("45.16")))
        for x in v.regels + [v.totaal] { #expect(x.volume + x.intensiteit + x.prijs == x.verschil, "\(x.groep)") }
        // total: 101.000,00 -> 20.700,00
        #expect(v.totaal.kostenA == Self.e("101000.00") && v.totaal.kostenB == Self.e("20700.00"))
        #expect(v.totaal.volume == Self.e("-82666.67"))
    }

    /// Cost without declaration lines is a fourth effect (issue 23). Worked by hand, 2019 -> 2020, per lot:
    /// - AMB (p x q, 0307): 2019 C1 10 x 100 = 1.000,00; 2020 C1 and C2 10 x 110 each = 2.200,00. Volume 1.000 x 1/1 =
    ///   1.000,00; at 2019's tariffs 2.200 x 100/110 = 2.000,00, price 200,00; intensity 1.200 - 1.000 - 200 = 0.
    /// - BSA (task-based contract of the region, 75000009): 2019 paid 120.000,00; 2020 contract 150.000, paid 75.000,00
    ///   by 30-06-2020; a BSA line of that provider in 2020 (10.000,00) is replaced by the contract and not counted.
    ///   No clients, no tariff: everything is the fourth effect, -45.000,00.
    /// - VBJ: 2019 C3 of 0308 40.000,00 (one client); 2020 the ledger's yearly total of 0308, 50.000,00, replaces 0308's
    ///   lines (C3 7.000,00). Declared 40.000 -> 0 with 1 -> 0 clients: volume -40.000,00; the total +50.000,00.
    /// Total 161.000,00 -> 127.200,00: volume -39.000 + intensity 0 + price 200 + without lines 5.000 = -33.800,00.
    /// Against the budget of 2020 (BSA 160.000): last year's BSA was all without lines, so the budget is too:
    /// 160.000 -> 75.000 is -85.000,00 without lines and nothing else.
    @Test("contracten en jaartotalen: een vierde effect, en de vervangen regels tellen niet")
    func contractenEnJaartotalen() throws {
        func dag(_ s: String) -> Dag { Dag.parse(s)! }
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0307", naam: "Amersfoort"), Gemeente(code: "0308", naam: "Baarn")]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "BSA", naam: "Brede spectrum", segment: "Ambulant", verevend: false),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true)]
        g.producten = [Product(productcode: "45A01", productcategorie: "45", perceel: "AMB", tarief: Self.e("100"), jaar: 2019),
                       Product(productcode: "45A01", productcategorie: "45", perceel: "AMB", tarief: Self.e("110"), jaar: 2020),
                       Product(productcode: "45A48", productcategorie: "45", perceel: "BSA"),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ")]
        g.aanbieders = [Aanbieder(agb: "75000001", naam: "Zorg BV"), Aanbieder(agb: "75000009", naam: "BSA")]
        func regel(_ nr: String, _ client: String, _ gemeente: String, _ product: String, _ van: String, _ tot: String, _ bedrag: String,
                   agb: String = "75000001") -> Declaratieregel {
            Declaratieregel(declaratienummer: nr, referentienummer: "R" + nr, toewijzingnummer: "T" + nr, client: client, gemeentecode: gemeente,
                            agb: agb, productcategorie: String(product.prefix(2)), productcode: product, begindatum: dag(van),
                            einddatum: dag(tot), bedrag: Self.e(bedrag), ingediendOp: dag(tot) + 10)
        }
        g.declaraties = [regel("1", "C1", "0307", "45A01", "2019-03-01", "2019-03-31", "1000.00"),
                         regel("2", "C1", "0307", "45A01", "2020-03-01", "2020-03-31", "1100.00"),
                         regel("3", "C2", "0307", "45A01", "2020-04-01", "2020-04-30", "1100.00"),
                         regel("4", "C4", "0307", "45A48", "2020-02-01", "2020-02-29", "10000.00", agb: "75000009"),
                         regel("5", "C3", "0308", "43A01", "2019-05-01", "2019-05-31", "40000.00"),
                         regel("6", "C3", "0308", "43A01", "2020-05-01", "2020-05-31", "7000.00")]
        g.contracten = [Contract(jaar: 2019, perceel: "BSA", agb: "75000009", vorm: .taakgericht, contractsom: Self.e("120000")),
                        Contract(jaar: 2020, perceel: "BSA", agb: "75000009", vorm: .taakgericht, contractsom: Self.e("150000"))]
        g.betalingen = [Betaling(datum: dag("2019-12-20"), agb: "75000009", perceel: "BSA", bedrag: Self.e("120000")),
                        Betaling(datum: dag("2020-06-30"), agb: "75000009", perceel: "BSA", bedrag: Self.e("75000"))]
        g.jaarkosten = [Jaarkosten(jaar: 2020, gemeentecode: "0308", perceel: "VBJ", bedrag: Self.e("50000"))]

        let v = Verschilanalyse(g, van: 2019, naar: 2020, per: .perceel)
        func r(_ x: String) throws -> Verschilanalyse.Regel { try #require(v.regels.first { $0.groep == x }) }
        let amb = try r("AMB"), bsa = try r("BSA"), vbj = try r("VBJ")
        #expect((amb.volume, amb.intensiteit, amb.prijs, amb.boek) == (Self.e("1000"), .nul, Self.e("200"), .nul))
        #expect((bsa.kostenA, bsa.kostenB, bsa.clientenB) == (Self.e("120000"), Self.e("75000"), 0))
        #expect((bsa.volume, bsa.intensiteit, bsa.prijs, bsa.boek) == (.nul, .nul, .nul, Self.e("-45000")))
        #expect((vbj.kostenA, vbj.kostenB, vbj.clientenA, vbj.clientenB) == (Self.e("40000"), Self.e("50000"), 1, 0))
        #expect((vbj.volume, vbj.intensiteit, vbj.prijs, vbj.boek) == (Self.e("-40000"), .nul, .nul, Self.e("50000")))
        #expect((v.totaal.kostenA, v.totaal.kostenB) == (Self.e("161000"), Self.e("127200")))
        #expect((v.totaal.volume, v.totaal.prijs, v.totaal.boek, v.totaal.verschil) == (Self.e("-39000"), Self.e("200"), Self.e("5000"), Self.e("-33800")))
        for x in v.regels + [v.totaal] { #expect(x.volume + x.intensiteit + x.prijs + x.boek == x.verschil, "\(x.groep)") }
        // the table shows the fourth effect only where there is cost without lines
        let kolommen = v.tabel(per: .perceel, a: "2019", b: "2020").kolommen.map(\.naam)
        #expect(kolommen.contains("boek_effect"))
        var zonder = g
        zonder.contracten = []; zonder.betalingen = []; zonder.jaarkosten = []
        #expect(!Verschilanalyse(zonder, van: 2019, naar: 2020, per: .perceel).tabel(per: .perceel, a: "2019", b: "2020").kolommen.map(\.naam).contains("boek_effect"))

        // per segment: Ambulant holds AMB and BSA
        let seg = Verschilanalyse(g, van: 2019, naar: 2020, per: .segment)
        let ambulant = try #require(seg.regels.first { $0.groep == "Ambulant" })
        #expect((ambulant.volume, ambulant.prijs, ambulant.boek, ambulant.verschil) == (Self.e("1000"), Self.e("200"), Self.e("-45000"), Self.e("-43800")))

        // against the budget
        g.budgetten = [Budget(jaar: 2020, gemeentecode: "0307", perceel: "BSA", bedrag: Self.e("160000"))]
        let b = try Verschilanalyse(g, van: .begroting(2020), naar: .jaar(2020), per: .perceel)
        let bb = try #require(b.regels.first { $0.groep == "BSA" })
        #expect((bb.kostenA, bb.clientenA, bb.volume, bb.intensiteit, bb.prijs, bb.boek) == (Self.e("160000"), 0, .nul, .nul, .nul, Self.e("-85000")))
    }
}
