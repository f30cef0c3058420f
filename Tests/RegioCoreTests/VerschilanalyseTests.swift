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
}
