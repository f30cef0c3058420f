import Testing
@testable import RegioCore

// Expected figures come from published sources (cited per test) or from hand calculation written out in
// comments, never from this code's own output.

/// RAA triangle (Reinsurance Association of America; Mack 1993), cumulative, origins 1981-1990, as printed in
/// the vignette of R package ChainLadder 0.2.21, "ChainLadder: Claims reserving with R" (mages/ChainLadder,
/// articles/ChainLadder.md, section "Working with triangles").
private let raaCellen: [[Double?]] = [
    [5012, 8269, 10907, 11805, 13539, 16181, 18009, 18608, 18662, 18834],
    [106, 4285, 5396, 10666, 13782, 15599, 15496, 16169, 16704],
    [3410, 8992, 13873, 16141, 18735, 22214, 22863, 23466],
    [5655, 11555, 15766, 21266, 23425, 26083, 27067],
    [1092, 9565, 15836, 22169, 25955, 26180],
    [1513, 6445, 11702, 12935, 15852],
    [557, 4020, 10946, 12314],
    [1351, 6947, 13112],
    [3133, 5395],
    [2063],
]
private let raaHerkomsten = (1981...1990).map(String.init)
private let perioden10 = (1...10).map(String.init)

private func raa() throws -> Driehoek {
    try Driehoek(herkomsten: raaHerkomsten, ontwikkelperioden: perioden10, cellen: raaCellen)
}

/// GenIns (Taylor & Ashe 1983; the example in Mack 1993), cumulative paid claims, origins 1-10, as printed in
/// R package ChainLadder's reference page for MackChainLadder (mages/ChainLadder, reference/MackChainLadder.md).
private func genIns() throws -> Driehoek {
    try Driehoek(herkomsten: (1...10).map(String.init), ontwikkelperioden: perioden10, cellen: [
        [357848, 1124788, 1735330, 2218270, 2745596, 3319994, 3466336, 3606286, 3833515, 3901463],
        [352118, 1236139, 2170033, 3353322, 3799067, 4120063, 4647867, 4914039, 5339085],
        [290507, 1292306, 2218525, 3235179, 3985995, 4132918, 4628910, 4909315],
        [310608, 1418858, 2195047, 3757447, 4029929, 4381982, 4588268],
        [443160, 1136350, 2128333, 2897821, 3402672, 3873311],
        [396132, 1333217, 2180715, 2985752, 3691712],
        [440832, 1288463, 2419861, 3483130],
        [359480, 1421128, 2864498],
        [376686, 1363294],
        [344014],
    ])
}

/// |a − b| within a printed rounding: half a unit of the last printed digit.
private func binnen(_ a: Double, _ b: Double, _ marge: Double) -> Bool { abs(a - b) <= marge * (1 + 1e-9) }

@Suite("Mack chain ladder tegen gepubliceerde uitkomsten")
struct MackGepubliceerdTests {
    // Source for all RAA figures: R ChainLadder vignette, `mack <- MackChainLadder(RAA, est.sigma="Mack")`,
    // `summary(mack)$ByOrigin` (one decimal) and the printed Totals (two decimals).

    @Test func raaTotalen() throws {
        let r = try MackChainLadder(try raa()).resultaat
        #expect(r.totaalLaatste == 160_987)
        #expect(binnen(r.totaalUltimo, 213_122.23, 0.005))
        #expect(binnen(r.totaalIbnr, 52_135.23, 0.005))
        #expect(binnen(r.totaalStandaardfout, 26_909.01, 0.005))
    }

    @Test func raaFactoren() throws {
        // Vignette: `mack$f` = 2.999 1.624 1.271 1.172 1.113 1.042 1.033 1.017 1.009 (1.000 is R's tail).
        let m = try MackChainLadder(try raa())
        let gepubliceerd = [2.999, 1.624, 1.271, 1.172, 1.113, 1.042, 1.033, 1.017, 1.009]
        #expect(m.factoren.count == 9)
        for (f, p) in zip(m.factoren, gepubliceerd) { #expect(binnen(f, p, 0.0005)) }
        #expect(try MackChainLadder.factoren(try raa()) == m.factoren)
    }

    @Test("RAA per herkomst: IBNR en Mack S.E.", arguments: [
        ("1981", 0.0, 0.0), ("1982", 154.0, 206.2), ("1983", 617.4, 623.4), ("1984", 1636.1, 747.2),
        ("1985", 2746.7, 1469.5), ("1986", 3649.1, 2001.9), ("1987", 5435.3, 2209.2), ("1988", 10907.2, 5357.9),
        ("1989", 10650.0, 6333.2), ("1990", 16339.4, 24566.3),
    ])
    func raaPerHerkomst(herkomst: String, ibnr: Double, standaardfout: Double) throws {
        let rij = try #require(try MackChainLadder(try raa()).resultaat.rijen.first { $0.herkomst == herkomst })
        #expect(binnen(rij.ibnr, ibnr, 0.05))
        #expect(binnen(rij.standaardfout, standaardfout, 0.05))
        #expect(binnen(rij.standaardfout * rij.standaardfout,
                       rij.procesfout * rij.procesfout + rij.parameterfout * rij.parameterfout, 1e-6))
    }

    @Test func raaUltimoPerHerkomst() throws {
        // Vignette print of MackChainLadder(RAA, est.sigma = "Mack"): Ultimate rounded to whole units.
        let gepubliceerd: [Double] = [18834, 16858, 24083, 28703, 28927, 19501, 17749, 24019, 16045, 18402]
        let r = try MackChainLadder(try raa()).resultaat
        for (rij, p) in zip(r.rijen, gepubliceerd) { #expect(binnen(rij.ultimo, p, 0.5)) }
        #expect(r.rijen.map(\.laatste) == [18834, 16704, 23466, 27067, 26180, 15852, 12314, 13112, 5395, 2063])
    }

    // Source for all GenIns figures: R ChainLadder reference page of MackChainLadder, example
    // `GNI <- MackChainLadder(GenIns, est.sigma="Mack")` ("compare to table 2 and 3 in Mack's 1993 paper").

    @Test func genInsTotalen() throws {
        let r = try MackChainLadder(try genIns()).resultaat
        #expect(r.totaalLaatste == 34_358_090)
        #expect(binnen(r.totaalUltimo, 53_038_945.61, 0.005))
        #expect(binnen(r.totaalIbnr, 18_680_855.61, 0.005))
        #expect(binnen(r.totaalStandaardfout, 2_447_094.86, 0.005))
    }

    @Test func genInsFactorenEnSigmas() throws {
        let m = try MackChainLadder(try genIns())
        let f = [3.490607, 1.747333, 1.457413, 1.173852, 1.103824, 1.086269, 1.053874, 1.076555, 1.017725]
        for (a, b) in zip(m.factoren, f) { #expect(binnen(a, b, 5e-7)) }
        // `GNI$sigma^2`; the last one (446.6166) is Mack's rule: min(1147.3660²/446.6166, 446.6166, 1147.3660).
        let s2 = [160280.3275, 37736.8550, 41965.2130, 15182.9027, 13731.3239, 8185.7716, 446.6166, 1147.3660, 446.6166]
        #expect(m.sigmaKwadraten.count == 9)
        for (a, b) in zip(m.sigmaKwadraten, s2) { #expect(binnen(a, b, 5e-5)) }
    }

    @Test func genInsPerHerkomst() throws {
        let ultimo: [Double] = [3901463, 5433719, 5378826, 5297906, 4858200, 5111171, 5660771, 6784799, 5642266, 4969825]
        let ibnr: [Double] = [0, 94634, 469511, 709638, 984889, 1419459, 2177641, 3920301, 4278972, 4625811]
        let se: [Double] = [0, 75535, 121699, 133549, 261406, 411010, 558317, 875328, 971258, 1363155]
        let rijen = try MackChainLadder(try genIns()).resultaat.rijen
        #expect(rijen.count == 10)
        for (i, rij) in rijen.enumerated() {
            #expect(binnen(rij.ultimo, ultimo[i], 0.5), "herkomst \(rij.herkomst)")
            #expect(binnen(rij.ibnr, ibnr[i], 0.5), "herkomst \(rij.herkomst)")
            #expect(binnen(rij.standaardfout, se[i], 0.5), "herkomst \(rij.herkomst)")
        }
    }
}

@Suite("Mack chain ladder met de hand")
struct MackHandTests {
    // A: 100 200 220 231 | B: 100 300 345 | C: 100 100 | D: 100
    // f0 = (200+300+100)/(100+100+100) = 2          σ²0 = ½[0²/100 + 100²/100 + 100²/100] = 100
    // f1 = (220+345)/(200+300) = 1.13              σ²1 = (220−226)²/200 + (345−339)²/300 = 0.18 + 0.12 = 0.30
    // f2 = 231/220 = 1.05, one observation: Mack's rule σ²2 = min(0.30²/100, 100, 0.30) = 0.0009
    // CDF = 2·1.13·1.05 = 2.373, 1.13·1.05 = 1.1865, 1.05, 1
    // Ultimates: A 231, B 345·1.05 = 362.25, C 100·1.1865 = 118.65, D 100·2.373 = 237.3; IBNR total 173.2
    private func klein() throws -> Driehoek {
        try Driehoek(herkomsten: ["A", "B", "C", "D"], cellen: [[100, 200, 220, 231], [100, 300, 345], [100, 100], [100]])
    }

    @Test func parametersEnUltimo() throws {
        let m = try MackChainLadder(try klein())
        #expect(binnen(m.factoren[0], 2, 1e-12) && binnen(m.factoren[1], 1.13, 1e-12) && binnen(m.factoren[2], 1.05, 1e-12))
        #expect(binnen(m.sigmaKwadraten[0], 100, 1e-9) && binnen(m.sigmaKwadraten[1], 0.30, 1e-12))
        #expect(binnen(m.sigmaKwadraten[2], 0.0009, 1e-12))
        #expect(m.volumes == [300, 500, 220])
        let r = m.resultaat
        for (rij, u) in zip(r.rijen, [231, 362.25, 118.65, 237.3]) { #expect(binnen(rij.ultimo, u, 1e-9)) }
        #expect(binnen(r.totaalIbnr, 173.2, 1e-9))
    }

    @Test func standaardfoutPerHerkomst() throws {
        let r = try MackChainLadder(try klein()).resultaat
        // B: mse = C²_B2 · σ²2 · (1/C_B2 + 1/S2) with S2 = 220 (U²/f² = 345²)
        //      = 0.0009 · (345 + 345²/220) = 0.0009 · 886.0227 = 0.797420  →  S.E. 0.892984
        #expect(binnen(r.rijen[1].standaardfout, 0.892984, 5e-7))
        // C: mse = 118.65² · [0.30/1.13² · (1/100 + 1/500) + 0.0009/1.05² · (1/113 + 1/220)]
        //      = 14077.8225 · (0.00281933 + 0.00001093) = 39.8439  →  S.E. 6.31221
        #expect(binnen(r.rijen[2].standaardfout, 6.31221, 5e-6))
        #expect(r.rijen[0].standaardfout == 0 && r.rijen[0].variatiecoefficient == nil)
    }

    @Test func teKleinVoorMack() throws {
        // 3 periods: f1 has one observation and Mack's rule needs two earlier sigmas.
        let d = try Driehoek(herkomsten: ["A", "B", "C"], cellen: [[100, 150, 160], [120, 170], [90]])
        #expect(throws: ChainLadderFout.self) { try MackChainLadder(d) }
        #expect(try MackChainLadder.factoren(d).count == 2)
    }

    @Test func negatiefBedragGeweigerd() throws {
        let d = try Driehoek(herkomsten: ["A", "B"], cellen: [[-1, 2], [1]])
        #expect(throws: ChainLadderFout.self) { try MackChainLadder.factoren(d) }
    }
}

@Suite("Bornhuetter-Ferguson")
struct BornhuetterFergusonTests {
    @Test func metChainLadderPatroon() throws {
        // A: 100 150 160 | B: 120 170 | C: 90; a-priori 165 for every origin.
        // f0 = (150+170)/(100+120) = 16/11, f1 = 160/150 = 16/15; CDF = 256/165, 16/15, 1
        // A: 160 + (1 − 1)·165 = 160
        // B: 170 + (1 − 15/16)·165 = 170 + 10.3125 = 180.3125
        // C: 90 + (1 − 165/256)·165 = 90 + 91·165/256 = 90 + 58.65234375 = 148.65234375
        let d = try Driehoek(herkomsten: ["A", "B", "C"], cellen: [[100, 150, 160], [120, 170], [90]])
        let cdf = MackChainLadder.cdf(factoren: try MackChainLadder.factoren(d))
        let rijen = try BornhuetterFerguson.bereken(d, cdf: cdf, apriori: [165, 165, 165])
        #expect(rijen.map(\.herkomst) == ["A", "B", "C"])
        #expect(binnen(rijen[0].ultimo, 160, 1e-9) && binnen(rijen[0].ibnr, 0, 1e-9))
        #expect(binnen(rijen[1].ultimo, 180.3125, 1e-9) && binnen(rijen[1].ibnr, 10.3125, 1e-9))
        #expect(binnen(rijen[2].ultimo, 148.65234375, 1e-9) && binnen(rijen[2].nogTeKomen, 91.0 / 256, 1e-12))
    }

    @Test func formule() {
        // 170 + (1 − 1/1.25)·250 = 170 + 0.2·250 = 220; 90 + (1 − 1/2)·300 = 240
        #expect(BornhuetterFerguson.ultimo(laatste: 170, cdf: 1.25, apriori: 250) == 220)
        #expect(BornhuetterFerguson.ultimo(laatste: 90, cdf: 2, apriori: 300) == 240)
    }

    @Test func aantallenMoetenKloppen() throws {
        let d = try Driehoek(herkomsten: ["A", "B"], cellen: [[1, 2], [1]])
        #expect(throws: ChainLadderFout.self) { try BornhuetterFerguson.bereken(d, cdf: [2, 1], apriori: [1]) }
        #expect(throws: ChainLadderFout.self) { try BornhuetterFerguson.bereken(d, cdf: [2], apriori: [1, 1]) }
        #expect(throws: ChainLadderFout.self) { try BornhuetterFerguson.bereken(d, cdf: [0, 1], apriori: [1, 1]) }
    }
}

@Suite("Backtestmaten")
struct VoorspelfoutTests {
    // (F, A): (110, 100) (90, 100) (260, 200) (40, 50)
    // |F−A|/A: 0.1 0.1 0.3 0.2 → MAPE 0.7/4 = 0.175; signed: +0.1 −0.1 +0.3 −0.2 → bias 0.1/4 = 0.025
    // WAPE = (10+10+60+10)/(100+100+200+50) = 90/450 = 0.2
    private let paren: [(voorspelling: Double, werkelijk: Double)] = [(110, 100), (90, 100), (260, 200), (40, 50)]

    @Test func handberekend() throws {
        #expect(binnen(try #require(Voorspelfout.mape(paren)), 0.175, 1e-12))
        #expect(binnen(try #require(Voorspelfout.wape(paren)), 0.2, 1e-12))
        #expect(binnen(try #require(Voorspelfout.bias(paren)), 0.025, 1e-12))
    }

    @Test func werkelijkNul() throws {
        let metNul = paren + [(5, 0)]
        #expect(Voorspelfout.mape(metNul) == nil)
        #expect(Voorspelfout.bias(metNul) == nil)
        #expect(binnen(try #require(Voorspelfout.wape(metNul)), 95.0 / 450, 1e-12))
        #expect(Voorspelfout.mape([]) == nil && Voorspelfout.wape([]) == nil && Voorspelfout.bias([]) == nil)
    }
}

@Suite("Driehoek inlezen en opbouwen")
struct DriehoekTests {
    @Test func raaAlsCSV() throws {
        var csv = "herkomst," + perioden10.joined(separator: ",") + "\n"
        for (label, rij) in zip(raaHerkomsten, raaCellen) {
            let velden = (0..<10).map { $0 < rij.count ? String(Int(rij[$0]!)) : "" }
            csv += label + "," + velden.joined(separator: ",") + "\n"
        }
        #expect(try Driehoek.parseCSV(csv, bestand: "raa.csv") == (try raa()))
    }

    @Test func puntkommaEnDecimaleKomma() throws {
        // BOM, CRLF, quoted label, trailing delimiters, a blank line, both decimal marks.
        let csv = "\u{FEFF}maand;0;1;2;\r\n\"2024-01\";1,5;2.5;3;\r\n\r\n2024-02; 2 ;3,25;;\r\n2024-03;4;;;\r\n;;;\r\n"
        let d = try Driehoek.parseCSV(csv, bestand: "x.csv")
        #expect(d.herkomsten == ["2024-01", "2024-02", "2024-03"])
        #expect(d.ontwikkelperioden == ["0", "1", "2"])
        #expect(d.cellen == [[1.5, 2.5, 3], [2, 3.25, nil], [4, nil, nil]])
        #expect(d.laatstePeriode(1) == 1 && d.laatste(1) == 3.25)
    }

    @Test("CSV-fouten met plaats en reden", arguments: [
        ("h,1,2\nA,1,2\nB,abc,\n", "x.csv:3: kolom 2: geen getal: 'abc'"),
        ("h,1,2,3\nA,1,2,3\nB,1,,3\n", "x.csv:3: kolom 4: waarde na een lege cel: de driehoek is niet driehoekig"),
        ("h,1,2\nA,1,2\n", "x.csv: te weinig herkomsten: 1, minimaal 2"),
        ("h,1\nA,1\nB,1\n", "x.csv:1: te weinig kolommen in de kopregel: 2, nodig zijn herkomst en minimaal 2 ontwikkelperioden"),
        ("h,1,2\nA,1,2,3\nB,1\n", "x.csv:2: kolom 4: meer kolommen dan de kopregel (3)"),
        ("h,1,2\nA,1,2\nA,1\n", "x.csv:3: kolom 1: herkomst 'A' komt twee keer voor"),
        ("h,1,2\nA,1,2\nB,,\n", "x.csv:3: kolom 2: geen waarde in de eerste ontwikkelperiode"),
        ("h,1,2\nA,\"1,5\",2\nB,1\n", "x.csv:2: kolom 2: geen getal: '1,5'"),
        ("h;1;2\nA;1.234,5;2\nB;1\n", "x.csv:2: kolom 2: geen getal: '1.234,5'"),
        ("h,1,2\nA,nan,2\nB,1\n", "x.csv:2: kolom 2: geen getal: 'nan'"),
        ("h,1,2,3\nA,1,2\nB,1\n", "x.csv:1: kolom 4: ontwikkelperiode '3' heeft geen enkele waarde"),
        ("h,1,2\n\"A,1,2\nB,1\n", "x.csv:2: aanhalingsteken niet afgesloten"),
        ("h,1,1\nA,1,2\nB,1\n", "x.csv:1: kolom 3: ontwikkelperiode '1' komt twee keer voor"),
        ("\n \n", "x.csv: leeg bestand: geen kopregel"),
    ])
    func csvFout(csv: String, verwacht: String) {
        #expect(throws: DriehoekFout.self) { try Driehoek.parseCSV(csv, bestand: "x.csv") }
        do {
            _ = try Driehoek.parseCSV(csv, bestand: "x.csv")
        } catch {
            #expect(error.description == verwacht)
        }
    }

    @Test func foutZonderBestand() {
        do {
            _ = try Driehoek(herkomsten: ["A", "B"], ontwikkelperioden: ["1", "2", "3"], cellen: [[1, 2, 3], [1, nil, 3]])
            Issue.record("geen fout")
        } catch {
            #expect(error.description == "herkomst 'B', ontwikkelperiode '3': waarde na een lege cel: de driehoek is niet driehoekig")
        }
    }

    @Test func raaUitIncrementeel() throws {
        // Incremental RAA as printed in the ChainLadder vignette (`as.triangle(raa, ...)` of TestData.csv).
        let incrementeel: [[Double]] = [
            [5012, 3257, 2638, 898, 1734, 2642, 1828, 599, 54, 172],
            [106, 4179, 1111, 5270, 3116, 1817, -103, 673, 535],
            [3410, 5582, 4881, 2268, 2594, 3479, 649, 603],
            [5655, 5900, 4211, 5500, 2159, 2658, 984],
            [1092, 8473, 6271, 6333, 3786, 225],
            [1513, 4932, 5257, 1233, 2917],
            [557, 3463, 6926, 1368],
            [1351, 5596, 6165],
            [3133, 2262],
            [2063],
        ]
        var bedragen: [(herkomst: Int, ontwikkeling: Int, bedrag: Double)] = []
        for (i, rij) in incrementeel.enumerated() {
            for (k, bedrag) in rij.enumerated() {
                // split every cell in two declarations to check they are added up
                bedragen.append((i, k, bedrag - 1))
                bedragen.append((i, k, 1))
            }
        }
        let d = try Driehoek.uitIncrementeel(herkomsten: raaHerkomsten, ontwikkelperioden: perioden10,
                                             bekendePerioden: Array((1...10).reversed()), bedragen: bedragen)
        #expect(d == (try raa()))
    }

    @Test func incrementeelNaWaarderingsdatum() throws {
        // Origin B knows 1 period; a declaration in period 2 is after the valuation date.
        #expect(throws: DriehoekFout.self) {
            try Driehoek.uitIncrementeel(herkomsten: ["A", "B"], ontwikkelperioden: ["1", "2"], bekendePerioden: [2, 1],
                                         bedragen: [(0, 0, 10), (1, 1, 5)])
        }
        // A cell without declarations counts as 0: A = 10, 10 (nothing in period 2); B = 7
        let d = try Driehoek.uitIncrementeel(herkomsten: ["A", "B"], ontwikkelperioden: ["1", "2"], bekendePerioden: [2, 1],
                                             bedragen: [(0, 0, 10), (1, 0, 7)])
        #expect(d.cellen == [[10, 10], [7, nil]])
    }

    @Test func foutBeschrijving() {
        #expect(DriehoekFout(bestand: "b.csv", regel: 4, kolom: 3, reden: "geen getal: 'abc'").description
                == "b.csv:4: kolom 3: geen getal: 'abc'")
        #expect(DriehoekFout(bestand: "", regel: nil, kolom: nil, reden: "x").description == "x")
    }
}
