import Testing
@testable import RegioCore

// MARK: - Fixture: three municipalities, two pooled lots (VBJ, OOV) and one that is not pooled (AMB)

private func dag(_ s: String) -> Dag { Dag.parse(s)! }

private func regel(_ nr: String, _ gemeente: String, _ client: String, _ product: String, _ van: String, _ tot: String,
                   euro: Int64, _ dc: DebetCredit = .debet, _ status: DeclaratieStatus = .toegekend,
                   agb: String = "75000001") -> Declaratieregel {
    Declaratieregel(declaratienummer: nr, referentienummer: "R", toewijzingnummer: "T" + nr, client: client,
                    gemeentecode: gemeente, agb: agb, productcategorie: String(product.prefix(2)), productcode: product,
                    begindatum: dag(van), einddatum: dag(tot), bedrag: Euro(euro: euro), debetCredit: dc, status: status,
                    ingediendOp: dag(tot) + 10)
}

/// Own cost A in 2019, worked out by hand:
/// - 0101: C1 VBJ 100.000 + C1 OOV 50.000 + C2 VBJ 20.000 − C2 credit 5.000 = 165.000 (the AMB line of C3, 30.000, is
///   not pooled; the 2020 line of C1 is another year). Clients: C1 150.000, C2 15.000.
/// - 0102: C4 OOV 25.000 (the rejected 40.000 does not count) + C5 VBJ 3.100 (a line of 6.200 over December 2018 and
///   January 2019, 31 + 31 days: half in 2019) = 28.100. Clients: C4 25.000, C5 3.100.
/// - 0103: no cost, 0; it still takes part and pays its key share.
/// T = 193.100. Key macrobudget 5, 3 and 2 mln: s = 0,5 / 0,3 / 0,2.
let vereveningFixture: Gegevens = {
    var g = Gegevens()
    g.gemeenten = [Gemeente(code: "0101", naam: "Aadorp"), Gemeente(code: "0102", naam: "Beedorp"), Gemeente(code: "0103", naam: "Ceedorp")]
    g.percelen = [Perceel(code: "VBJ", naam: "Verblijf Jeugd", segment: "Verblijf", verevend: true),
                  Perceel(code: "OOV", naam: "Opvoed- en opgroeihulp verblijf", segment: "Verblijf", verevend: true),
                  Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false)]
    g.producten = [Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ"),
                   Product(productcode: "43A03", productcategorie: "43", perceel: "OOV"),
                   Product(productcode: "45A04", productcategorie: "45", perceel: "AMB")]
    g.aanbieders = [Aanbieder(agb: "75000001", naam: "Zorg BV"), Aanbieder(agb: "75000002", naam: "Hulp BV")]
    for (code, mln, inw, jeugd) in [("0101", 5, 100_000, 20_000), ("0102", 3, 60_000, 15_000), ("0103", 2, 40_000, 5_000)] {
        for jaar in 2017...2020 {
            g.gemeentecijfers.append(Gemeentecijfers(gemeentecode: code, jaar: jaar, inwoners: Int64(inw), jeugdigen: Int64(jeugd),
                                                     macrobudgetJeugd: Euro(euro: Int64(mln) * 1_000_000)))
        }
    }
    g.declaraties = [
        regel("1", "0101", "C1", "43A01", "2019-01-01", "2019-01-31", euro: 100_000),
        regel("2", "0101", "C1", "43A03", "2019-03-01", "2019-03-31", euro: 50_000, agb: "75000002"),
        regel("3", "0101", "C2", "43A01", "2019-04-01", "2019-04-30", euro: 20_000),
        regel("4", "0101", "C2", "43A01", "2019-04-01", "2019-04-30", euro: 5_000, .credit),
        regel("5", "0101", "C3", "45A04", "2019-05-01", "2019-05-31", euro: 30_000),
        regel("6", "0102", "C4", "43A03", "2019-02-01", "2019-02-28", euro: 40_000, .debet, .afgewezen),
        regel("7", "0102", "C4", "43A03", "2019-02-01", "2019-02-28", euro: 25_000, .debet, .ingediend),
        regel("8", "0102", "C5", "43A01", "2018-12-01", "2019-01-31", euro: 6_200),
        regel("9", "0101", "C1", "43A01", "2020-01-01", "2020-01-31", euro: 1_000),
    ]
    return g
}()

private func centen(_ euro: Int64, _ c: Int64 = 0) -> Euro { Euro(centen: euro * 100 + c) }

@Suite("Verevening uit de gegevens: eigen kosten, cliëntkosten en sleutel")
struct VereveningGegevensTests {
    let kosten = VerevendeKosten(vereveningFixture, jaren: 2017...2020)

    @Test("eigen kosten A per gemeente: alleen verevende percelen, debet min credit, zonder afgewezen regels")
    func eigenKosten() {
        #expect(kosten.percelen == ["OOV", "VBJ"])
        #expect(kosten.gemeenten == ["0101", "0102", "0103"])
        #expect(kosten.eigenKosten(jaar: 2019) == ["0101": centen(165_000), "0102": centen(28_100), "0103": .nul])
        // per lot: VBJ 100.000 + 20.000 − 5.000 = 115.000 and 3.100; OOV 50.000 and 25.000
        #expect(kosten.eigenKosten(jaar: 2019, perceel: "VBJ") == ["0101": centen(115_000), "0102": centen(3_100), "0103": .nul])
        #expect(kosten.eigenKosten(jaar: 2019, perceel: "OOV") == ["0101": centen(50_000), "0102": centen(25_000), "0103": .nul])
        // December 2018 half of the line over two months; 2020 only C1's 1.000
        #expect(kosten.eigenKosten(jaar: 2018)["0102"] == centen(3_100))
        #expect(kosten.eigenKosten(jaar: 2020)["0101"] == centen(1_000))
    }

    @Test("A is gelijk aan de gedeclareerde kosten van de monitoringcijfers in de verevende percelen")
    func zelfdeDefinitieAlsMonitoring() {
        let verevend: Set<String> = ["VBJ", "OOV"]
        let (rijen, _) = Monitoring.kengetallen(vereveningFixture, van: Dag.eersteVan(jaar: 2019), tot: Dag.laatsteVan(jaar: 2019),
                                                per: .gemeente, filter: { _, perceel, _ in perceel.map { verevend.contains($0) } ?? false })
        for r in rijen { #expect(kosten.eigenKosten(jaar: 2019)[r.groep] == r.gedeclareerd, "gemeente \(r.groep)") }
    }

    @Test("kosten per cliënt per gemeente, over de verevende percelen opgeteld, tellen op tot A")
    func clientkosten() {
        #expect(kosten.clientkosten(jaar: 2019, gemeente: "0101").map(\.kosten) == [centen(150_000), centen(15_000)])
        #expect(kosten.clientkosten(jaar: 2019, gemeente: "0101").map(\.client) == ["C1", "C2"])
        #expect(kosten.clientkosten(jaar: 2019, gemeente: "0102").map(\.kosten) == [centen(25_000), centen(3_100)])
        #expect(kosten.clientkosten(jaar: 2019, gemeente: "0103").isEmpty)
        #expect(kosten.clientkosten(jaar: 2019, gemeente: "0101", perceel: "OOV").map(\.kosten) == [centen(50_000)])
    }

    /// T = 193.100; K = 0,5 / 0,3 / 0,2 x T = 96.550 / 57.930 / 38.620; saldo = A − K = +68.450 / −29.830 / −38.620.
    @Test("solidariteit op de gegevens")
    func solidariteit() throws {
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2019, scenarios: [.solidariteit], sleutel: .macrobudget)
        let u = try #require(r.uitkomst(jaar: 2019, perceel: nil, scenario: .solidariteit))
        #expect(u.totaal == centen(193_100))
        #expect(u.regels.map(\.bijdrage) == [centen(96_550), centen(57_930), centen(38_620)])
        #expect(u.regels.map(\.saldo) == [centen(68_450), -centen(29_830), -centen(38_620)])
    }

    /// Only C1 (150.000) is above 100.000: V = 50.000 for 0101; the pot of 50.000 by key is 25.000 / 15.000 / 10.000.
    /// P = A − V + share = 140.000 / 43.100 / 10.000 (sum 193.100); saldo +25.000 / −15.000 / −10.000.
    @Test("drempel:100000 krijgt de kosten per cliënt uit de gegevens")
    func drempel() throws {
        let s = try VereveningScenario.parse("drempel:100000")
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2019, scenarios: [s], sleutel: .macrobudget)
        let u = try #require(r.uitkomst(jaar: 2019, perceel: nil, scenario: s))
        #expect(u.regels.map(\.bijdrage) == [centen(140_000), centen(43_100), centen(10_000)])
        #expect(u.regels.map(\.saldo) == [centen(25_000), -centen(15_000), -centen(10_000)])
    }

    /// D = +68.450 / −29.830 / −38.620; G = 25% of D = 17.112,50 / −7.457,50 / −9.655; restpot 0;
    /// P = K + G = 113.662,50 / 50.472,50 / 28.965.
    @Test("eigen-risico:25% op de gegevens")
    func eigenRisico() throws {
        let s = try VereveningScenario.parse("eigen-risico:25%")
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2019, scenarios: [s], sleutel: .macrobudget)
        let u = try #require(r.uitkomst(jaar: 2019, perceel: nil, scenario: s))
        #expect(u.regels.map(\.bijdrage) == [centen(113_662, 50), centen(50_472, 50), centen(28_965)])
        #expect(u.restpot == .nul)
    }

    /// The table for people shows cents, so its columns add up to the total line exactly: with whole euros the
    /// eigen-risico:25% column would read 113.663 + 50.473 + 28.965 = 193.101 against a total of 193.100.
    /// P = 113.662,50 / 50.472,50 / 28.965,00 (see eigenRisico above), sum 193.100,00; saldo 51.337,50 / −22.372,50 /
    /// −28.965,00, sum 0.
    @Test("tabel voor mensen: bedragen op de cent, kolommen tellen op tot de totaalregel")
    func tabelOpDeCent() throws {
        let s = try VereveningScenario.parse("eigen-risico:25%")
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2019, scenarios: [.solidariteit, s], sleutel: .macrobudget)
        let tabellen = try r.tabellen()
        #expect(tabellen.map(\.titel) == ["Verevening 2019, verevende percelen samen",
                                          "Aandeel in de kosten vóór en na verevening 2019, verevende percelen samen, scenario solidariteit",
                                          "Aandeel in de kosten vóór en na verevening 2019, verevende percelen samen, scenario eigen risico 25%"])
        // seed 002's layout: 0101 has 165.000 of 193.100 before (85,45%) and pays 96.550 (50,00%) under solidarity,
        // 113.662,50 (58,86%) with own risk 25%
        #expect(tabellen[1].tabel.rijen[0].map(\.tekst) == ["0101", "Aadorp", "85,45%", "50,00%", "€ 68.450,00", "voordeel"])
        #expect(tabellen[2].tabel.rijen[0][3].tekst == "58,86%")
        let t = try #require(tabellen.first?.tabel)
        // columns: code, name, s, A, P and saldo solidariteit, P and saldo eigen-risico
        #expect(t.rijen.map { $0[6].tekst } == ["€ 113.662,50", "€ 50.472,50", "€ 28.965,00"])
        #expect(t.rijen.map { $0[7].tekst } == ["€ 51.337,50", "€ -22.372,50", "€ -28.965,00"])
        #expect(t.voet.first?.map(\.tekst) == ["totaal", "Totaal", "100,00%", "€ 193.100,00", "€ 193.100,00", "€ 0,00",
                                               "€ 193.100,00", "€ 0,00"])
    }

    /// Per lot with the same key: VBJ T = 118.100, K = 59.050 / 35.430 / 23.620; OOV T = 75.000, K = 37.500 / 22.500 /
    /// 15.000. Under solidarity the lots add up to the total run (96.550 / 57.930 / 38.620).
    @Test("per perceel")
    func perPerceel() throws {
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2019, scenarios: [.solidariteit], sleutel: .macrobudget,
                                      perPerceel: true)
        #expect(r.percelen == ["OOV", "VBJ"])
        let vbj = try #require(r.uitkomst(jaar: 2019, perceel: "VBJ", scenario: .solidariteit))
        let oov = try #require(r.uitkomst(jaar: 2019, perceel: "OOV", scenario: .solidariteit))
        #expect(vbj.regels.map(\.bijdrage) == [centen(59_050), centen(35_430), centen(23_620)])
        #expect(oov.regels.map(\.bijdrage) == [centen(37_500), centen(22_500), centen(15_000)])
        #expect(r.saldoPerGemeente(scenario: .solidariteit) == ["0101": centen(68_450), "0102": -centen(29_830), "0103": -centen(38_620)])
    }

    /// Usage 2017-2019: 2017 has no pooled cost and is skipped; 2018 is all 0102's (3.100 of 3.100); 2019 is
    /// 165.000 / 28.100 / 0 of 193.100. s = average of the yearly shares: 0101 (0 + 0,85448..)/2, 0102 (1 + 0,14552..)/2.
    @Test("sleutel gebruik over het jaar en de twee jaren ervoor")
    func gebruik() throws {
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2019, scenarios: [.solidariteit], sleutel: .gebruik)
        let u = try #require(r.uitkomst(jaar: 2019, perceel: nil, scenario: .solidariteit))
        #expect(abs(u.regels[0].aandeel - (165_000.0 / 193_100) / 2) < 1e-9)
        #expect(abs(u.regels[1].aandeel - (1 + 28_100.0 / 193_100) / 2) < 1e-9)
        #expect(u.regels[2].aandeel == 0)
        // the window 2017-2019 has pooled cost only in 2018 and 2019: the report says which years count
        #expect(r.gebruiksjarenMetKosten == [2019: [2018, 2019]])
    }

    @Test("cumulatief over jaren: elk jaar apart, saldo's tellen op tot nul")
    func cumulatief() throws {
        let r = try VereveningRapport(vereveningFixture, jaren: 2018...2020, scenarios: [.solidariteit, .profijt], sleutel: .inwoners)
        for s in r.scenarios {
            let c = try r.cumulatief(perceel: nil, scenario: s)
            #expect(c.map(\.saldo).som() == .nul)
            #expect(c.map(\.eigenKosten).som() == centen(3_100 + 193_100 + 1_000))
            #expect(c.allSatisfy { $0.aantalJaren == 3 })
        }
        // profijt: everybody pays its own cost, every saldo 0
        #expect(try r.cumulatief(perceel: nil, scenario: .profijt).allSatisfy { $0.saldo == .nul })
    }

    @Test("fouten noemen jaar en perceel")
    func fouten() {
        var g = vereveningFixture
        g.gemeentecijfers.removeAll { $0.gemeentecode == "0103" && $0.jaar == 2019 }
        #expect(throws: VereveningRapportFout.self) {
            try VereveningRapport(g, jaren: 2019...2019, scenarios: [.solidariteit], sleutel: .macrobudget)
        }
        do {
            _ = try VereveningRapport(g, jaren: 2019...2019, scenarios: [.solidariteit], sleutel: .macrobudget, perPerceel: true)
            Issue.record("geen fout bij ontbrekende gemeentecijfers")
        } catch {
            #expect(error.description == "2019, perceel OOV: geen gemeentecijfers voor gemeente 0103 in 2019")
        }
        g = vereveningFixture
        g.percelen = g.percelen.map { var p = $0; p.verevend = false; return p }
        #expect(throws: VereveningRapportFout.self) {
            try VereveningRapport(g, jaren: 2019...2019, scenarios: [], sleutel: .macrobudget)
        }
    }

    @Test("machinetabel: kolommen, een rij per jaar, scenario en gemeente, cumulatieve rijen")
    func machinetabel() throws {
        let r = try VereveningRapport(vereveningFixture, jaren: 2019...2020,
                                      scenarios: [.solidariteit, try VereveningScenario.parse("drempel:100000")], sleutel: .macrobudget)
        let csv = try r.machineTabel().csv().split(separator: "\n").map(String.init)
        #expect(csv[0] == "jaar,gemeentecode,perceel,sleutel_aandeel,eigen_kosten,te_betalen,saldo,scenario,aandeel_voor,aandeel_na")
        #expect(csv.count == 1 + 2 * 2 * 3 + 2 * 3)
        // T 2019 = 165.000 + 28.100 = 193.100: before 165.000 / 193.100 = 0,8544795443, after 96.550 / 193.100 = 0,5
        #expect(csv[1] == "2019,0101,,0.5000000000,165000.00,96550.00,68450.00,solidariteit,0.8544795443,0.5000000000")
        #expect(csv.contains("2019,0101,,0.5000000000,165000.00,140000.00,25000.00,drempel:100000,0.8544795443,0.7250129467"))
        // cumulative 2019-2020 under solidarity for 0101: A = 165.000 + 1.000; P = 96.550 + 500; T = 193.100 + 1.000
        #expect(csv.contains("2019-2020,0101,,,166000.00,97050.00,68950.00,solidariteit,0.8552292633,0.5000000000"))
    }
}

@Suite("Bekostiging uit de gegevens")
struct BekostigingGegevensTests {
    let posten = vereveningFixture.kostenposten(jaren: 2018...2020)

    @Test("productie per maand van een aanbieder")
    func productie() {
        let p = Bekostiging.productiePerMaand(posten, jaar: 2019, aanbieder: "75000001")
        // January 100.000 (C1) + 3.100 (C5); February 25.000 (C4; the rejected 40.000 does not count); April 20.000 −
        // 5.000; May 30.000 (AMB counts without a lot filter); March is provider 75000002's
        #expect(p[0] == centen(103_100) && p[1] == centen(25_000) && p[3] == centen(15_000) && p[4] == centen(30_000))
        #expect(p[2] == .nul && p.som() == centen(173_100))
        #expect(Bekostiging.productiePerMaand(posten, jaar: 2019, aanbieder: "75000001", percelen: ["AMB"])[0] == .nul)
    }

    @Test("historisch gebruik per aanbieder")
    func gebruik() {
        let a = Bekostiging.gebruikPerAanbieder(posten, jaren: 2018...2019)
        // 75000001: 2018 3.100 (C5, December half). 2019: January 100.000 (C1) + 3.100 (C5); February 25.000 (C4, the
        // rejected 40.000 does not count); April 20.000 − 5.000 (C2); May 30.000 (C3, AMB) = 173.100.
        // 75000002: only line 2, C1 OOV 50.000 in 2019.
        #expect(a.map(\.aanbieder) == ["75000001", "75000002"])
        #expect(a[0].gebruik == [centen(3_100), centen(173_100)])
        #expect(a[1].gebruik == [.nul, centen(50_000)])
    }

    @Test("kosten per jaar van een cliënt")
    func client() {
        let k = Bekostiging.kostenPerJaar(posten, client: "C1")
        #expect(k?.startjaar == 2019 && k?.kosten == [centen(150_000), centen(1_000)])
        #expect(Bekostiging.kostenPerJaar(posten, client: "C1", aanbieder: "75000002")?.kosten == [centen(50_000)])
        #expect(Bekostiging.kostenPerJaar(posten, client: "X") == nil)
    }

    /// Realisation in the pooled lots 2019 is A: 165.000 / 28.100 / 0; key inhabitants 100 / 60 / 40 thousand.
    @Test("taakgericht: sleutel vooraf, realisatie achteraf")
    func taakgericht() throws {
        let delen = try Bekostiging.taakdelen(vereveningFixture, posten: posten, jaar: 2019, sleutel: .inwoners, percelen: ["VBJ", "OOV"])
        #expect(delen.map(\.sleutel) == [100_000, 60_000, 40_000])
        #expect(delen.map(\.realisatie) == [centen(165_000), centen(28_100), .nul])
        // gebruik is ex ante: only 2016-2018, where 2018 is all 0102's
        let vooraf = try Bekostiging.taakdelen(vereveningFixture, posten: posten, jaar: 2019, sleutel: .gebruik, percelen: ["VBJ", "OOV"])
        #expect(vooraf.map(\.sleutel) == [0, VereveningSleutel.gebruiksschaal, 0])
    }
}
