import Testing
@testable import RegioCore

private func centen(_ euro: Int64, _ c: Int64 = 0) -> Euro { Euro(centen: euro * 100 + c) }

/// The pooling rule per year and lot or product (issue 23, point 3: the CSV kind `verevening`), worked by hand.
@Suite("Vereveningsregels per jaar, perceel en product")
struct VereveningsdelenTests {
    @Test("aandeel: een percentage van 0 tot en met 100 met hooguit twee decimalen")
    func aandeelLezen() {
        #expect(Vereveningsdeel.parseAandeel("50") == 5000)
        #expect(Vereveningsdeel.parseAandeel("50%") == 5000)
        #expect(Vereveningsdeel.parseAandeel(" 33,33 ") == 3333)
        #expect(Vereveningsdeel.parseAandeel("12.5 %") == 1250)
        #expect(Vereveningsdeel.parseAandeel("0") == 0)
        #expect(Vereveningsdeel.parseAandeel("100") == 10_000)
        #expect(Vereveningsdeel.parseAandeel("100,00") == 10_000)
        for fout in ["100,01", "101", "-5", "1/2", "50,123", "", "5,", ",5", "50.0.0", "vijftig", "1e2"] {
            #expect(Vereveningsdeel.parseAandeel(fout) == nil, "'\(fout)'")
        }
        #expect(Vereveningsdeel.procentTekst(5000) == "50%")
        #expect(Vereveningsdeel.procentTekst(3333) == "33,33%")
        #expect(Vereveningsdeel.procentTekst(1250) == "12,5%")
        #expect(Vereveningsdeel.procentTekst(5) == "0,05%")
    }

    @Test("de vorm van een perceel in een jaar: regel voor het perceel, regel voor een product, anders verevend ja/nee")
    func vorm() {
        let percelen = [Perceel(code: "VBJ", naam: "V", segment: "S", verevend: true),
                        Perceel(code: "AMB", naam: "A", segment: "S", verevend: false),
                        Perceel(code: "OOV", naam: "O", segment: "S", verevend: true)]
        let r = Vereveningsregels(percelen: percelen, delen: [
            Vereveningsdeel(jaar: 2018, perceel: "AMB", aandeel: 10_000),
            Vereveningsdeel(jaar: 2018, perceel: "VBJ", aandeel: 0),
            Vereveningsdeel(jaar: 2019, perceel: "VBJ", aandeel: 3000),
            Vereveningsdeel(jaar: 2019, perceel: "OOV", productcode: "43A03", aandeel: 5000),
            // a product at the lot's own share changes nothing
            Vereveningsdeel(jaar: 2020, perceel: "OOV", productcode: "43A03", aandeel: 10_000),
        ])
        #expect(r.vorm(jaar: 2018, perceel: "AMB") == .geheel)
        #expect(r.vorm(jaar: 2018, perceel: "VBJ") == .niet)
        #expect(r.vorm(jaar: 2017, perceel: "VBJ") == .geheel && r.vorm(jaar: 2017, perceel: "AMB") == .niet)
        #expect(r.vorm(jaar: 2019, perceel: "VBJ") == .evenredig(3000))
        #expect(r.vorm(jaar: 2019, perceel: "OOV") == .perProduct)
        #expect(r.vorm(jaar: 2020, perceel: "OOV") == .geheel)
        #expect(r.aandeel(jaar: 2019, perceel: "OOV", productcode: "43A03") == 5000)
        #expect(r.aandeel(jaar: 2019, perceel: "OOV", productcode: "43A04") == 10_000)
        #expect(r.aandeel(jaar: 2019, perceel: "OOV", productcode: nil) == 10_000)
        #expect(r.gepoold(jaar: 2018, uit: ["VBJ", "AMB", "OOV"]) == ["AMB", "OOV"])
        #expect(r.deels(jaar: 2019, uit: ["VBJ", "AMB", "OOV"]) == ["OOV", "VBJ"])
        #expect(r.deels(jaar: 2018, uit: ["VBJ", "AMB", "OOV"]).isEmpty)
        #expect(r.omschrijving(jaar: 2019) == "OOV product 43A03 50%; VBJ 30%")
        #expect(r.omschrijving(jaar: 2017) == nil)
    }

    /// vereveningFixture, 2019, with product 43A03 (lot OOV) pooled for 50%:
    /// - 0101: VBJ 100.000 + 20.000 − 5.000 = 115.000 whole; OOV (43A03) C1 50.000 at 50% = 25.000; A = 140.000.
    /// - 0102: VBJ C5 3.100 whole; OOV (43A03) C4 25.000 at 50% = 12.500; A = 15.600.
    /// - 0103: 0. T = 155.600.
    /// Solidarity on the macrobudget key (0,5 / 0,3 / 0,2): P = 77.800 / 46.680 / 31.120 (together 155.600); saldo
    /// A − P = 62.200 / −31.080 / −31.120. 2020 has no rule: C1's VBJ 1.000 is pooled whole.
    @Test("50% van één product in één jaar: eigen kosten, cliëntkosten en de verevening, met de hand nagerekend")
    func halfProductInEenJaar() throws {
        var g = vereveningFixture
        g.vereveningsdelen = [Vereveningsdeel(jaar: 2019, perceel: "OOV", productcode: "43A03", aandeel: 5000)]
        let k = VerevendeKosten(g, jaren: 2019...2020)
        #expect(k.eigenKosten(jaar: 2019) == ["0101": centen(140_000), "0102": centen(15_600), "0103": .nul])
        #expect(k.eigenKosten(jaar: 2019, perceel: "OOV") == ["0101": centen(25_000), "0102": centen(12_500), "0103": .nul])
        #expect(k.clientkosten(jaar: 2019, gemeente: "0101").map(\.kosten) == [centen(125_000), centen(15_000)])
        #expect(k.eigenKosten(jaar: 2020)["0101"] == centen(1_000))
        #expect(k.percelen == ["OOV", "VBJ"])
        let u = try Verevening.bereken(try k.invoer(jaar: 2019, sleutel: .macrobudget, gemeentecijfers: g.gemeentecijfers),
                                       scenario: .solidariteit)
        #expect(u.totaal == centen(155_600))
        #expect(u.regels.map(\.bijdrage) == [centen(77_800), centen(46_680), centen(31_120)])
        #expect(u.regels.map(\.saldo) == [centen(62_200), centen(-31_080), centen(-31_120)])
        #expect(u.regels.map(\.bijdrage).som() == u.totaal)
        // without the rule the whole lot is pooled, as before
        let heel = VerevendeKosten(vereveningFixture, jaren: 2019...2019)
        #expect(heel.eigenKosten(jaar: 2019)["0101"] == centen(165_000))
    }

    /// One municipality, product P (lot L) pooled for 50%: clients X 100,01 and Y 200,00. The group's 300,01 x 50% =
    /// 150,005, rounded half away from zero: 150,01. X's exact part 50,005 and Y's 100,00: floors 50,00 and 100,00, one
    /// cent over, to the largest remainder (X): 50,01 and 100,00, adding up to 150,01. A client with a credit larger
    /// than its debit (Z −10,01 at 50%: −5,005) keeps the split exact: group −10,01 + 300,01 = 290,00 -> 145,00.
    @Test("afronding: één keer per gemeente, perceel en aandeel, over de cliënten verdeeld naar de grootste rest")
    func afronding() {
        let percelen = [Perceel(code: "L", naam: "L", segment: "S", verevend: false)]
        let delen = [Vereveningsdeel(jaar: 2019, perceel: "L", productcode: "P", aandeel: 5000)]
        func post(_ client: String, _ c: Int64, product: String = "P") -> Kostenpost {
            Kostenpost(gemeentecode: "0001", client: client, agb: "1", perceel: "L", maand: Maand(jaar: 2019, maand: 3),
                       kosten: Euro(centen: c), productcode: product)
        }
        let k = VerevendeKosten(posten: [post("X", 10_001), post("Y", 20_000), post("W", 99_999, product: "Q")], percelen: percelen,
                                gemeenten: ["0001"], jaren: 2019...2019, delen: delen)
        #expect(k.eigenKosten(jaar: 2019) == ["0001": Euro(centen: 15_001)])
        #expect(k.clientkosten(jaar: 2019, gemeente: "0001").map(\.kosten) == [Euro(centen: 5_001), Euro(centen: 10_000)])
        let metCredit = VerevendeKosten(posten: [post("X", 10_001), post("Y", 20_000), post("Z", -1_001)], percelen: percelen,
                                        gemeenten: ["0001"], jaren: 2019...2019, delen: delen)
        let clienten = metCredit.clientkosten(jaar: 2019, gemeente: "0001").map(\.kosten)
        #expect(metCredit.eigenKosten(jaar: 2019)["0001"] == Euro(centen: 14_500))
        #expect(clienten.som() == Euro(centen: 14_500))
        // X 50,005 and Z −5,005 (floor −5,01, remainder 0,005): one cent over, the tie to X (the earlier client)
        #expect(clienten == [Euro(centen: 5_001), Euro(centen: 10_000), Euro(centen: -501)])
    }

    @Test("deel: de delen tellen op tot het afgeronde totaal, voor willekeurige bedragen en aandelen")
    func deelTeltOp() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let n = Int.random(in: 1...8, using: &rng)
            let bedragen = (0..<n).map { _ in Euro(centen: Int64.random(in: -50_000...5_000_000, using: &rng)) }
            let aandeel = Int.random(in: 0...10_000, using: &rng)
            let delen = Vereveningsregels.deel(bedragen, aandeel: aandeel)
            let verwacht = bedragen.som().maal(Int64(aandeel), gedeeldDoor: 10_000)
            #expect(delen.som() == verwacht)
            // each part within one cent of its exact value
            for (b, d) in zip(bedragen, delen) {
                let exact = Double(b.centen) * Double(aandeel) / 10_000
                #expect(abs(Double(d.centen) - exact) < 1.000001, "\(b.centen) x \(aandeel)")
            }
        }
    }
}
